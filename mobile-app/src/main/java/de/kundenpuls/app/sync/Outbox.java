package de.kundenpuls.app.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kundenpuls.app.storage.LocalFiles;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.FeedbackItem;

/**
 * Answers waiting for the server, one file per answer named by its client UUID. An answer is on
 * the device before the app says "thank you"; its file goes away only after the server has
 * acknowledged it, so a killed app loses nothing, and a resend carries the same UUID, so the
 * server stores it once.
 */
public final class Outbox {

    private static final ObjectMapper JSON = KundenpulsClient.mapper();

    private final Path pending;
    private final Path rejected;

    /**
     * Opens the outbox in a directory.
     *
     * @param dir the app's private directory
     */
    public Outbox(Path dir) {
        this.pending = LocalFiles.directory(dir.resolve("outbox"));
        this.rejected = LocalFiles.directory(dir.resolve("outbox-rejected"));
    }

    /**
     * Keeps an answer on the device until the server has it.
     *
     * @param item the answer
     */
    public void add(FeedbackItem item) {
        try {
            LocalFiles.writeAtomically(file(item.id()), JSON.writeValueAsBytes(item));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The oldest waiting answers.
     *
     * @param limit how many at most
     * @return answers, oldest first
     */
    public List<FeedbackItem> oldest(int limit) {
        List<FeedbackItem> items = new ArrayList<>();
        for (Path p : files(pending)) {
            try {
                items.add(JSON.readValue(p.toFile(), FeedbackItem.class));
            } catch (IOException e) {
                // Unreadable (should not happen with atomic writes): keep it aside, never block the queue.
                moveAside(p);
            }
        }
        items.sort(Comparator.comparing(FeedbackItem::createdAt));
        return items.size() > limit ? items.subList(0, limit) : items;
    }

    /** @return how many answers wait for the network */
    public int size() {
        return files(pending).size();
    }

    /** @return how many answers the server refused (kept for support, never resent) */
    public int rejectedCount() {
        return files(rejected).size();
    }

    /** @param id an answer the server has stored (now or before) */
    public void acknowledged(UUID id) {
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param id an answer the server refused; resending it would not help */
    public void refused(UUID id) {
        moveAside(file(id));
    }

    private void moveAside(Path p) {
        try {
            if (Files.exists(p)) {
                Files.move(p, rejected.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(UUID id) {
        return pending.resolve(id + ".json");
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
