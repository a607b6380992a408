package de.kundenpuls.server.profile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * The key of an e-mail address in the profiles' e-mail index: the first 96 bits of the SHA-256 of
 * the address, trimmed and lower-cased. A hash, not the address, because superseded index shards stay in the data files
 * until housekeeping rewrites them: an erased customer's address must not gain another plain copy
 * there. (It is a blind index, not a secret: whoever knows an address can compute its key.)
 */
final class EmailKey {

    private EmailKey() {
    }

    static String of(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            // 96 bits: no two of ten million addresses share a key by chance, and a lookup compares
            // the profile's address anyway.
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
