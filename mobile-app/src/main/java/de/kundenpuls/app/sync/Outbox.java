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
import de.kundenpuls.app.i18n.Texts;
import de.kundenpuls.app.storage.LocalFiles;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.FeedbackItem;

/**
 * Answers waiting for the server, one file per answer named by its client UUID. An answer is on
 * the device before the app says "thank you"; its file goes away only after the server has
 * acknowledged it, so a killed app loses nothing, and a resend carries the same UUID, so the
 * server stores it once. An answer the server refuses for good is set aside with the reason, for
 * the staff area, and never resent.
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
     * An answer waiting in its file.
     *
     * @param file where it waits
     * @param item the answer
     */
    public record Queued(Path file, FeedbackItem item) {
    }

    /**
     * An answer the server refused for good.
     *
     * @param item   the answer, or null when its file could not be read
     * @param reason why, in the words the server or the app gave
     */
    public record SetAside(FeedbackItem item, String reason) {
    }

    /**
     * The oldest waiting answers.
     *
     * @param limit how many at most
     * @return answers, oldest first
     */
    public List<FeedbackItem> oldest(int limit) {
        return next(limit).stream().map(Queued::item).toList();
    }

    /**
     * The oldest waiting answers with their files (an answer's file is named by its id, unless an
     * older app wrote one without).
     *
     * @param limit how many at most
     * @return answers, oldest first
     */
    public List<Queued> next(int limit) {
        List<Queued> items = new ArrayList<>();
        for (Path p : files(pending)) {
            try {
                FeedbackItem item = JSON.readValue(p.toFile(), FeedbackItem.class);
                items.add(new Queued(p, item));
            } catch (IOException e) {
                // Unreadable (should not happen with atomic writes): keep it aside, never block the queue.
                moveAside(p, Texts.t("sync.unreadable", why(e)));
            }
        }
        items.sort(Comparator.comparing((Queued q) -> q.item().createdAt(), Comparator.nullsFirst(Comparator.naturalOrder())));
        return items.size() > limit ? List.copyOf(items.subList(0, limit)) : items;
    }

    /** @param queued an answer the server has stored (now or before) */
    public void acknowledged(Queued queued) {
        try {
            Files.deleteIfExists(queued.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sets an answer aside for good: the server refused it, and resending would not help.
     *
     * @param queued the answer
     * @param reason why
     */
    public void setAside(Queued queued, String reason) {
        moveAside(queued.file(), reason);
    }

    /** @return the answers set aside, with their reasons, for the staff area */
    public List<SetAside> setAside() {
        List<SetAside> all = new ArrayList<>();
        for (Path p : files(rejected)) {
            FeedbackItem item;
            try {
                item = JSON.readValue(p.toFile(), FeedbackItem.class);
            } catch (IOException e) {
                item = null;
            }
            Path why = reasonFile(p);
            String reason;
            try {
                reason = Files.exists(why) ? Files.readString(why) : "";
            } catch (IOException e) {
                reason = "";
            }
            all.add(new SetAside(item, reason));
        }
        return all;
    }

    /** @return how many answers wait for the network */
    public int size() {
        return files(pending).size();
    }

    /** @return how many answers the server refused (kept for support, never resent) */
    public int rejectedCount() {
        return files(rejected).size();
    }

    private void moveAside(Path p, String reason) {
        try {
            if (Files.exists(p)) {
                Path target = rejected.resolve(p.getFileName());
                // The reason first: an answer set aside always has one, even after a crash in between.
                LocalFiles.writeAtomically(reasonFile(target), reason.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                Files.move(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The innermost message, without Jackson's source location: what is wrong with the file. */
    private static String why(IOException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root == e && e instanceof com.fasterxml.jackson.core.JacksonException j) {
            return j.getOriginalMessage();
        }
        return root.getMessage();
    }

    private static Path reasonFile(Path answer) {
        return answer.resolveSibling(answer.getFileName() + ".reason");
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
