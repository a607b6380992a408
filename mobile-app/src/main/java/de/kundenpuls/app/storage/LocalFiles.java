package de.kundenpuls.app.storage;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import com.gluonhq.attach.storage.StorageService;

/**
 * The app's private directory on the device (Gluon Attach Storage: the app sandbox on Android and
 * iOS, {@code ~/.gluon} on the desktop) and crash-safe writes into it.
 */
public final class LocalFiles {

    private LocalFiles() {
    }

    /**
     * The directory the app keeps its queue and settings in. {@code -Dkundenpuls.app.data=DIR}
     * overrides it (tests, several kiosks on one desktop).
     *
     * @return an existing directory
     */
    public static Path privateDirectory() {
        String override = System.getProperty("kundenpuls.app.data");
        if (override != null && !override.isBlank()) {
            return directory(Path.of(override));
        }
        return directory(StorageService.create()
                .flatMap(StorageService::getPrivateStorage)
                .map(File::toPath)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".gluon"))
                .resolve("kundenpuls"));
    }

    /**
     * Creates a directory when it is missing.
     *
     * @param dir the directory
     * @return the directory
     */
    public static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    /**
     * Writes a file so that it is either completely there or not at all, even when the app is
     * killed or the battery dies half-way: write a temporary file, force it to the disk, then
     * rename it over the target in one step.
     *
     * @param target the file
     * @param data   its content
     */
    public static void writeAtomically(Path target, byte[] data) {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(data));
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + tmp, e);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }
}
