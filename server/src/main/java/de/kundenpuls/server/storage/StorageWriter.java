package de.kundenpuls.server.storage;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.serializer.persistence.types.Storer;
import org.eclipse.store.storage.embedded.types.EmbeddedStorageManager;

/**
 * The one way to change stored data: a single writer thread with group commit.
 *
 * <p>Callers hand in {@link Change}s and block until the commit holding their change is on disk.
 * The writer drains every change that queued up while the previous commit was being written, runs
 * them one after the other and writes all their objects with one {@code storer.commit()}. Under
 * load that turns hundreds of requests into one commit (STACK.md measured ~850 commits/s), while
 * a lone request still commits at once. Because every mutation runs on this one thread, mutation
 * and store can never interleave (the storer does not lock the graph); readers on other threads
 * see the containers' concurrent maps, whose values are immutable records.
 */
public final class StorageWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StorageWriter.class.getName());
    /** Most changes in one commit. */
    static final int MAX_BATCH = 4096;

    private final EmbeddedStorageManager storage;
    private final BlockingQueue<Pending<?>> queue = new ArrayBlockingQueue<>(65_536);
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();
    private volatile Throwable failure;
    /**
     * One storer for every commit, used by the writer thread only. Eclipse Serializer keeps a weak
     * reference to every storer it has handed out and looks each newly stored object up in all of
     * them that the JVM has not yet collected; a storer per commit made that list hundreds long
     * between two garbage collections, and the lookups the largest cost of a commit. A storer is
     * cleared by its commit and can be used again.
     */
    private Storer storer;

    /**
     * Starts the writer thread.
     *
     * @param storage the open storage
     */
    public StorageWriter(EmbeddedStorageManager storage) {
        this.storage = storage;
        this.thread = Thread.ofPlatform().name("kundenpuls-storage-writer").daemon(false).start(this::loop);
    }

    /**
     * Applies a change and waits until it is durable.
     *
     * @param change the change
     * @param <T>    its result type
     * @return the change's result
     * @throws RuntimeException whatever the change threw, or {@link StorageFailedException} when
     *                          the commit failed
     */
    public <T> T write(Change<T> change) {
        CompletableFuture<T> done = submit(change);
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageFailedException("interrupted while waiting for the commit", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new StorageFailedException("commit failed", cause);
        }
    }

    /**
     * Queues a change without waiting; the future completes after its commit.
     *
     * @param change the change
     * @param <T>    its result type
     * @return completes with the change's result once durable
     */
    public <T> CompletableFuture<T> submit(Change<T> change) {
        if (!running.get()) {
            return CompletableFuture.failedFuture(new StorageFailedException("storage is closed", null));
        }
        if (failure != null) {
            return CompletableFuture.failedFuture(new StorageFailedException("storage failed earlier", failure));
        }
        Pending<T> pending = new Pending<>(change, new CompletableFuture<>());
        try {
            queue.put(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new StorageFailedException("interrupted", e));
        }
        return pending.result;
    }

    /** Whether the writer is running and no commit has failed (used by the readiness check). */
    public boolean healthy() {
        return running.get() && failure == null && thread.isAlive();
    }

    /** Number of commits written since start. */
    public long commitCount() {
        return commits.get();
    }

    /** Number of changes committed since start. */
    public long changeCount() {
        return changes.get();
    }

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>();
        while (running.get() || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                if (failure != null) {
                    batch.forEach(p -> p.result.completeExceptionally(new StorageFailedException("storage failed earlier", failure)));
                    continue;
                }
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending<?>> batch) {
        Tx tx = new Tx();
        List<Pending<?>> applied = new ArrayList<>(batch.size());
        List<Object> results = new ArrayList<>(batch.size());
        for (Pending<?> pending : batch) {
            int mark = tx.size();
            int afterMark = tx.afterCommit.size();
            try {
                Object result = pending.change.apply(tx);
                applied.add(pending);
                results.add(result);
            } catch (RuntimeException | Error e) {
                if (tx.size() == mark && tx.afterCommit.size() == afterMark) {
                    // It validated and threw before changing anything: only its caller hears of it.
                    pending.result.completeExceptionally(e);
                    continue;
                }
                // It threw after it had changed the graph. That half change cannot be undone in
                // memory, and committing it would store it; so nothing of this batch is committed
                // and the writer stops (readiness turns DOWN) until the server is restarted from disk.
                failure = e;
                LOG.log(Level.SEVERE, "A change failed after it had modified stored objects; storage refuses further writes", e);
                pending.result.completeExceptionally(e);
                for (Pending<?> other : batch) {
                    other.result.completeExceptionally(new StorageFailedException("a change in the same commit failed", e));
                }
                return;
            }
        }
        if (applied.isEmpty()) {
            return;
        }
        try {
            if (!tx.order.isEmpty()) {
                if (storer == null) {
                    storer = storage.createStorer();
                }
                for (Object o : tx.order) {
                    storer.store(o);
                }
                storer.commit();
            }
            commits.incrementAndGet();
            changes.addAndGet(applied.size());
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.log(Level.SEVERE, "Commit failed; storage refuses further writes", e);
            for (Pending<?> pending : applied) {
                pending.result.completeExceptionally(new StorageFailedException("commit failed", e));
            }
            return;
        }
        for (Runnable action : tx.afterCommit) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "After-commit action failed", e);
            }
        }
        for (int i = 0; i < applied.size(); i++) {
            complete(applied.get(i), results.get(i));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> pending, Object result) {
        pending.result.complete((T) result);
    }

    /** Stops accepting changes, commits what is queued, and stops the thread. */
    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending<T>(Change<T> change, CompletableFuture<T> result) {
    }

    private static final class Tx implements Transaction {
        // Identity set in insertion order: the same map changed by 100 requests is stored once.
        private final IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        private final List<Object> order = new ArrayList<>();
        private final List<Runnable> afterCommit = new ArrayList<>();

        @Override
        public void store(Object first, Object... more) {
            store(first);
            for (Object o : more) {
                store(o);
            }
        }

        @Override
        public void store(Object changed) {
            if (changed != null && seen.put(changed, Boolean.TRUE) == null) {
                order.add(changed);
            }
        }

        @Override
        public void afterCommit(Runnable action) {
            afterCommit.add(action);
        }

        int size() {
            return order.size();
        }
    }
}
