package de.kundenpuls.app.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import de.kundenpuls.model.client.FirebaseAuthSession;

/**
 * Keeps the Firebase refresh token in one file in the app's private directory, replaced
 * atomically, so a crash leaves the old token or the new one, never half of either.
 */
final class FileTokenStore implements FirebaseAuthSession.TokenStore {

    private final Path file;

    FileTokenStore(Path file) {
        this.file = file;
    }

    @Override
    public synchronized Optional<String> load() {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    .filter(t -> !t.isEmpty()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sign-in of this device: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void save(String refreshToken) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, refreshToken, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the sign-in of this device: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot forget the sign-in of this device: " + e.getMessage(), e);
        }
    }
}
