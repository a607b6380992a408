package de.kundenpuls.server.storage;

import org.eclipse.serializer.reference.Lazy;

/**
 * A stored list that only grows at its end and stays cheap to change at tens of millions of
 * entries: entries in chunks of {@value #CHUNK} behind {@link Lazy}, chunks in pages of
 * {@value #CHUNKS_PER_PAGE}, pages in a fixed directory of {@value #PAGES}. An append stores the
 * tail chunk (and, every {@value #CHUNK} entries, the page that gains a chunk); a replacement
 * stores the one chunk it changed. Nothing stored grows with the list.
 *
 * <p>Values should be immutable; a change replaces the value at its index. Changes on the writer
 * thread only; reads from any thread.
 *
 * @param <T> the entry type
 */
public final class ChunkedList<T> {

    static final int CHUNK = 256;
    static final int CHUNKS_PER_PAGE = 1024;
    static final int PAGES = 256;

    private final Page[] pages = new Page[PAGES];
    private volatile long size;

    /** A page of lazily loaded chunks. */
    static final class Page {
        @SuppressWarnings("unchecked")
        private final Lazy<Object[]>[] chunks = new Lazy[CHUNKS_PER_PAGE];
    }

    /** Number of entries. */
    public long size() {
        return size;
    }

    /**
     * Appends an entry. Writer thread only.
     *
     * @param value the entry
     * @param tx    stores the tail chunk
     * @return its index
     */
    public long append(T value, Transaction tx) {
        long index = size;
        if (index >= (long) CHUNK * CHUNKS_PER_PAGE * PAGES) {
            throw new IllegalStateException("ChunkedList is full at " + index + " entries");
        }
        int c = (int) (index / CHUNK);
        Page page = pages[c / CHUNKS_PER_PAGE];
        if (page == null) {
            page = new Page();
            synchronized (this) {
                pages[c / CHUNKS_PER_PAGE] = page;
            }
            tx.store(pages);
        }
        Lazy<Object[]> chunk = page.chunks[c % CHUNKS_PER_PAGE];
        if (chunk == null) {
            chunk = Lazy.Reference(new Object[CHUNK]);
            synchronized (this) {
                page.chunks[c % CHUNKS_PER_PAGE] = chunk;
            }
            tx.store(page.chunks);
        }
        Object[] entries = chunk.get();
        synchronized (entries) {
            entries[(int) (index % CHUNK)] = value;
        }
        tx.store(entries);
        size = index + 1;
        tx.store(this);
        return index;
    }

    /**
     * The entry at an index (loads its chunk on first use).
     *
     * @param index the index, below {@link #size()}
     * @return the entry
     */
    @SuppressWarnings("unchecked")
    public T get(long index) {
        Object[] entries = chunk(index);
        synchronized (entries) {
            return (T) entries[(int) (index % CHUNK)];
        }
    }

    /**
     * Replaces the entry at an index. Writer thread only.
     *
     * @param index the index, below {@link #size()}
     * @param value the new entry
     * @param tx    stores the chunk
     */
    public void set(long index, T value, Transaction tx) {
        Object[] entries = chunk(index);
        synchronized (entries) {
            entries[(int) (index % CHUNK)] = value;
        }
        tx.store(entries);
    }

    private Object[] chunk(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        int c = (int) (index / CHUNK);
        Lazy<Object[]> chunk;
        synchronized (this) {
            chunk = pages[c / CHUNKS_PER_PAGE].chunks[c % CHUNKS_PER_PAGE];
        }
        return chunk.get();
    }
}
