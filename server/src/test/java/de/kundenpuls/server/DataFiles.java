package de.kundenpuls.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Looks at a data directory's files from outside: their total size (for write-cost tests) and
 * whether they still hold personal data, the way an auditor of an erasure would.
 */
public final class DataFiles {

    private DataFiles() {
    }

    /**
     * Whether any file under a directory holds a text, as UTF-8, UTF-16LE (how Eclipse Store writes
     * strings) or UTF-16BE. Files that housekeeping deletes during the walk hold nothing anymore.
     *
     * @param dir    the data directory
     * @param marker the text
     * @return true when some file holds it
     */
    public static boolean contain(Path dir, String marker) {
        List<byte[]> needles = List.of(marker.getBytes(StandardCharsets.UTF_8), marker.getBytes(StandardCharsets.UTF_16LE),
                marker.getBytes(StandardCharsets.UTF_16BE));
        boolean[] found = {false};
        walk(dir, (file, attrs) -> {
            if (attrs.isRegularFile() && needles.stream().anyMatch(n -> holds(file, n))) {
                found[0] = true;
                return FileVisitResult.TERMINATE;
            }
            return FileVisitResult.CONTINUE;
        });
        return found[0];
    }

    /**
     * The bytes of every file under a directory (files deleted during the walk count as gone).
     *
     * @param dir the data directory
     * @return the total size
     */
    public static long size(Path dir) {
        long[] total = {0};
        walk(dir, (file, attrs) -> {
            total[0] += attrs.isRegularFile() ? attrs.size() : 0;
            return FileVisitResult.CONTINUE;
        });
        return total[0];
    }

    /** Walks the files; a file that housekeeping deletes during the walk is simply gone. */
    private static void walk(Path dir, java.util.function.BiFunction<Path, BasicFileAttributes, FileVisitResult> visit) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    return visit.apply(file, attrs);
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean holds(Path file, byte[] needle) {
        byte[] hay;
        try {
            hay = Files.readAllBytes(file);
        } catch (IOException e) {
            return false;
        }
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
