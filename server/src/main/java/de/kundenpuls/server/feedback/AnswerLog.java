package de.kundenpuls.server.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

import de.kundenpuls.server.storage.Transaction;
import org.eclipse.serializer.reference.Lazy;

/**
 * Every accepted answer, in arrival order, in append-only segments of {@value #SEGMENT_SIZE}.
 *
 * <p>Each answer gets a position (0, 1, 2, …). The open segment, the tail, is a short list of
 * chunks, one per accepted batch; a commit stores the new chunk and the tail's chunk list, both
 * bounded. A full tail is sealed into one {@link Segment} (one byte array) behind a {@link Lazy}
 * in a directory page of {@value #PAGE_SIZE} segments; the directory of pages has a fixed size.
 * So no commit writes more than a segment's worth of bytes, however many answers are stored, and
 * sealed segments leave the heap when Eclipse Store clears unused lazy references.
 *
 * <p>Writes on the storage writer thread only. Readers on other threads take the sealed count and
 * the tail together under the log's monitor, and the tail's chunk list is copy-on-write, so a
 * reader never sees half a seal.
 */
public final class AnswerLog {

    /** Answers per sealed segment. */
    static final int SEGMENT_SIZE = 1024;
    /** Chunks in the tail before it is sealed even if not full (bounds the tail's list). */
    static final int MAX_CHUNKS = 256;
    /** Segments per directory page. */
    static final int PAGE_SIZE = 1024;
    /** Directory pages: 4096 × 1024 × 1024 answers, four billion. */
    static final int PAGES = 4096;

    @SuppressWarnings("unchecked")
    private final Lazy<Page>[] pages = new Lazy[PAGES];
    private Tail tail = new Tail();
    private long sealed;
    private long count;

    /**
     * A sealed segment.
     *
     * @param data          its answers, encoded back to back
     * @param count         how many
     * @param firstReceived receive time of the first, epoch seconds
     * @param lastReceived  receive time of the last, epoch seconds
     */
    record Segment(byte[] data, int count, long firstReceived, long lastReceived) {
    }

    /**
     * One accepted batch's answers in the tail.
     *
     * @param data  encoded answers
     * @param count how many
     */
    record Chunk(byte[] data, int count) {
    }

    /** The open segment. */
    static final class Tail {
        private final CopyOnWriteArrayList<Chunk> chunks = new CopyOnWriteArrayList<>();
        private int count;
        private long firstReceived = Long.MAX_VALUE;
        private long lastReceived = Long.MIN_VALUE;
        /** The newest {@code createdAt} in the tail, epoch seconds; 0 in tails stored before 2026-12-02f (unknown). */
        private long newestCreated;
    }

    /** A page of the segment directory. */
    static final class Page {
        @SuppressWarnings("unchecked")
        private final Lazy<Segment>[] segments = new Lazy[PAGE_SIZE];
        /**
         * Per segment its last receive time and its newest {@code createdAt} (epoch seconds, 0:
         * unknown), so that the start can pick the segments it needs without loading the others.
         * Null in pages stored before 2026-12-02f.
         */
        private long[] summaries = new long[2 * PAGE_SIZE];
    }

    /** Number of answers stored. */
    public long size() {
        return count;
    }

    /**
     * Appends answers. Writer thread only.
     *
     * @param encoded    the answers, each from {@link AnswerCodec#encode}
     * @param receivedAt when the server received them
     * @param tx         the transaction
     * @return the position of each appended answer
     */
    long[] append(List<byte[]> encoded, Instant receivedAt, Transaction tx) {
        long[] positions = new long[encoded.size()];
        int from = 0;
        while (from < encoded.size()) {
            int n = Math.min(SEGMENT_SIZE - tail.count, encoded.size() - from);
            long base = sealed * SEGMENT_SIZE + tail.count;
            for (int i = 0; i < n; i++) {
                positions[from + i] = base + i;
            }
            for (byte[] answer : encoded.subList(from, from + n)) {
                tail.newestCreated = Math.max(tail.newestCreated, AnswerCodec.createdAtSecond(answer, 0));
            }
            tail.chunks.add(new Chunk(concat(encoded.subList(from, from + n)), n));
            tail.count += n;
            tail.firstReceived = Math.min(tail.firstReceived, receivedAt.getEpochSecond());
            tail.lastReceived = Math.max(tail.lastReceived, receivedAt.getEpochSecond());
            from += n;
            if (tail.count == SEGMENT_SIZE || tail.chunks.size() >= MAX_CHUNKS) {
                seal(tx);
            } else {
                tx.store(tail, tail.chunks);
            }
        }
        count += encoded.size();
        tx.store(this);
        return positions;
    }

    /**
     * Seals the tail. A tail that hit {@link #MAX_CHUNKS} before it was full keeps its real
     * count, and positions stay {@code segment × SEGMENT_SIZE + index}: the rest of its positions
     * are never used. That keeps addressing a division, at the price of gaps after a long run of
     * one-answer batches.
     */
    private void seal(Transaction tx) {
        Segment segment = new Segment(concat(tail.chunks.stream().map(Chunk::data).toList()), tail.count,
                tail.firstReceived, tail.lastReceived);
        long number = sealed;
        int pageIndex = (int) (number / PAGE_SIZE);
        if (pageIndex >= PAGES) {
            throw new IllegalStateException("The answer log is full");
        }
        Lazy<Page> pageRef = pages[pageIndex];
        if (pageRef == null) {
            pageRef = Lazy.Reference(new Page());
            pages[pageIndex] = pageRef;
            tx.store(pages);
        }
        Page page = pageRef.get();
        int slot = (int) (number % PAGE_SIZE);
        page.segments[slot] = Lazy.Reference(segment);
        tx.store(page.segments);
        if (page.summaries == null) {
            page.summaries = new long[2 * PAGE_SIZE];
            tx.store(page);
        }
        page.summaries[2 * slot] = tail.lastReceived;
        page.summaries[2 * slot + 1] = tail.newestCreated;
        tx.store(page.summaries);
        synchronized (this) {
            sealed = number + 1;
            tail = new Tail();
        }
        tx.store(this);
    }

    /** The sealed count and the tail, read together (readers run beside the writer). */
    private synchronized Head head() {
        return new Head(sealed, tail);
    }

    private record Head(long sealed, Tail tail) {
    }

    private static byte[] concat(List<byte[]> parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /**
     * The answers at some positions.
     *
     * @param positions positions from {@link #append}
     * @return position → answer
     */
    public Map<Long, FeedbackEntry> read(long[] positions) {
        Map<Long, FeedbackEntry> result = new TreeMap<>();
        Map<Long, List<Long>> bySegment = new TreeMap<>();
        for (long p : positions) {
            bySegment.computeIfAbsent(p / SEGMENT_SIZE, s -> new ArrayList<>()).add(p);
        }
        bySegment.forEach((number, wanted) -> visitSegment(number, (index, data, offset) -> {
            long p = number * SEGMENT_SIZE + index;
            if (wanted.contains(p)) {
                result.put(p, AnswerCodec.decode(data, offset));
            }
        }));
        return result;
    }

    /**
     * Replaces answers in place (erasure). Writer thread only. Rewrites only the segments and
     * chunks that hold them.
     *
     * @param replacements position → new version of the answer
     * @param tx           the transaction
     */
    void replace(Map<Long, FeedbackEntry> replacements, Transaction tx) {
        Map<Long, Map<Integer, byte[]>> bySegment = new TreeMap<>();
        replacements.forEach((p, e) -> bySegment.computeIfAbsent(p / SEGMENT_SIZE, s -> new HashMap<>())
                .put((int) (p % SEGMENT_SIZE), AnswerCodec.encode(e)));
        bySegment.forEach((number, byIndex) -> {
            if (number == head().sealed()) {
                int base = 0;
                for (int c = 0; c < tail.chunks.size(); c++) {
                    Chunk chunk = tail.chunks.get(c);
                    Chunk rewritten = new Chunk(rewrite(chunk.data(), base, byIndex), chunk.count());
                    if (rewritten.data() != chunk.data()) {
                        tail.chunks.set(c, rewritten);
                        tx.store(tail.chunks);
                    }
                    base += chunk.count();
                }
                return;
            }
            Lazy<Segment>[] slots = pages[(int) (number / PAGE_SIZE)].get().segments;
            int slot = (int) (number % PAGE_SIZE);
            Segment old = slots[slot].get();
            Lazy<Segment> rewritten = Lazy.Reference(new Segment(rewrite(old.data(), 0, byIndex), old.count(),
                    old.firstReceived(), old.lastReceived()));
            synchronized (this) {
                slots[slot] = rewritten;
            }
            tx.store(slots);
        });
    }

    /** Returns {@code data} itself when none of its answers is replaced. */
    private static byte[] rewrite(byte[] data, int base, Map<Integer, byte[]> byIndex) {
        List<byte[]> parts = new ArrayList<>();
        boolean changed = false;
        int index = base;
        for (int offset = 0; offset < data.length; index++) {
            int next = AnswerCodec.next(data, offset);
            byte[] replacement = byIndex.get(index);
            if (replacement != null) {
                parts.add(replacement);
                changed = true;
            } else {
                parts.add(java.util.Arrays.copyOfRange(data, offset, next));
            }
            offset = next;
        }
        return changed ? concat(parts) : data;
    }

    /**
     * Visits every answer, oldest first (recomputation checks and migrations; loads every segment).
     *
     * @param visitor gets each answer
     */
    public void forEach(Consumer<FeedbackEntry> visitor) {
        long segments = head().sealed();
        for (long s = 0; s <= segments; s++) {
            visitSegment(s, (index, data, offset) -> visitor.accept(AnswerCodec.decode(data, offset)));
        }
    }

    /**
     * Visits the ids of the answers received since a time whose {@code createdAt} is not older
     * than a second time, newest segments first. Segments received entirely before the first
     * time end the walk, and segments whose answers are all older than the second are skipped,
     * both without loading them: after a bulk import of two years of answers a start loads only
     * the segments that hold answers that may still come back.
     *
     * @param receivedSince the earliest receive time of interest
     * @param createdSince  the earliest {@code createdAt} of interest
     * @param visitor       gets each id and the receive time of its segment's newest answer
     */
    void forEachIdSince(Instant receivedSince, Instant createdSince, BiConsumer<UUID, Instant> visitor) {
        long received = receivedSince.getEpochSecond();
        long created = createdSince.getEpochSecond();
        Head head = head();
        Tail open = head.tail();
        for (Chunk chunk : open.chunks) {
            visitIds(chunk.data(), created, Instant.ofEpochSecond(open.lastReceived), visitor);
        }
        walkSealed(head, received, created, segment -> {
            visitIds(segment.data(), created, Instant.ofEpochSecond(segment.lastReceived()), visitor);
            return true;
        });
    }

    /**
     * Walks the sealed segments newest first, ending at the first one received entirely before
     * {@code receivedSince} and skipping, without loading them, those whose answers were all given
     * before {@code createdSince} (as far as a page's summary knows). Epoch seconds both.
     */
    private void walkSealed(Head head, long receivedSince, long createdSince, Predicate<Segment> visitor) {
        for (long s = head.sealed() - 1; s >= 0; s--) {
            Page page = pages[(int) (s / PAGE_SIZE)].get();
            int slot = (int) (s % PAGE_SIZE);
            long[] summaries = page.summaries;
            if (summaries != null && summaries[2 * slot] != 0) {
                if (summaries[2 * slot] < receivedSince) {
                    return;
                }
                if (summaries[2 * slot + 1] != 0 && summaries[2 * slot + 1] < createdSince) {
                    continue;
                }
            }
            Segment segment = page.segments[slot].get();
            if (segment.lastReceived() < receivedSince || !visitor.test(segment)) {
                return;
            }
        }
    }

    /**
     * Visits the answers given since a time, newest received first, until the visitor declines one.
     * An answer is never given after it was received (beyond the capture's allowed clock skew), so
     * the walk ends at the first segment received entirely before that time; segments whose answers
     * were all given before it are skipped without loading them.
     *
     * @param createdSince the earliest {@code createdAt} of interest
     * @param skew         how far a sender's clock may be ahead of the server's
     * @param visitor      gets each answer; returns false to end the walk
     */
    void visitNewestFirst(Instant createdSince, Duration skew, Predicate<FeedbackEntry> visitor) {
        long created = createdSince.getEpochSecond();
        long receivedAfter = createdSince.minus(skew).getEpochSecond();
        Head head = head();
        List<Chunk> chunks = new ArrayList<>(head.tail().chunks);
        for (int i = chunks.size() - 1; i >= 0; i--) {
            if (!visitReversed(chunks.get(i).data(), created, visitor)) {
                return;
            }
        }
        walkSealed(head, receivedAfter, created, segment -> visitReversed(segment.data(), created, visitor));
    }

    private static boolean visitReversed(byte[] data, long createdSince, Predicate<FeedbackEntry> visitor) {
        List<Integer> offsets = new ArrayList<>();
        for (int offset = 0; offset < data.length; offset = AnswerCodec.next(data, offset)) {
            if (AnswerCodec.createdAtSecond(data, offset) >= createdSince) {
                offsets.add(offset);
            }
        }
        for (int i = offsets.size() - 1; i >= 0; i--) {
            if (!visitor.test(AnswerCodec.decode(data, offsets.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static void visitIds(byte[] data, long createdSince, Instant at, BiConsumer<UUID, Instant> visitor) {
        for (int offset = 0; offset < data.length; offset = AnswerCodec.next(data, offset)) {
            if (AnswerCodec.createdAtSecond(data, offset) >= createdSince) {
                visitor.accept(AnswerCodec.idAt(data, offset), at);
            }
        }
    }

    private void visitSegment(long number, EncodedVisitor visitor) {
        List<byte[]> parts = new ArrayList<>();
        Head head = head();
        long sealedNow = head.sealed();
        if (number == sealedNow) {
            head.tail().chunks.forEach(c -> parts.add(c.data()));
        } else if (number < sealedNow) {
            parts.add(pages[(int) (number / PAGE_SIZE)].get().segments[(int) (number % PAGE_SIZE)].get().data());
        }
        int index = 0;
        for (byte[] data : parts) {
            for (int offset = 0; offset < data.length; offset = AnswerCodec.next(data, offset)) {
                visitor.visit(index++, data, offset);
            }
        }
    }

    @FunctionalInterface
    private interface EncodedVisitor {
        void visit(int index, byte[] data, int offset);
    }
}
