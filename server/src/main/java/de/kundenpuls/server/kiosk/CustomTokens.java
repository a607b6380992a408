package de.kundenpuls.server.kiosk;

import java.util.Map;
import java.util.Optional;

/**
 * Mints the Firebase custom token a tablet signs in with after its enrollment (Admin SDK
 * {@code createCustomToken}). On the embedded default there is none: its dev sign-in issues the
 * kiosk's tokens itself.
 */
@FunctionalInterface
public interface CustomTokens {

    /**
     * @param uid    the account
     * @param claims the custom claims ({@code role}, {@code store}, {@code touchpoint})
     * @return the custom token, or empty when sign-in is the embedded default's dev sign-in
     */
    Optional<String> mint(String uid, Map<String, Object> claims);
}
