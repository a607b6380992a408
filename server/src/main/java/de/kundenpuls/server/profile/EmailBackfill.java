package de.kundenpuls.server.profile;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import de.kundenpuls.server.storage.StorageWriter;

/**
 * Fills the e-mail index of a data directory written before it existed, one slice of profiles
 * per commit, on a thread of its own so that the start does not wait for it: the slice is read
 * (its shards loaded from disk, its profiles decoded) on this thread, the commit only puts the
 * keys. A directory whose index is complete starts no thread.
 */
public final class EmailBackfill implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmailBackfill.class.getName());
    private final Thread thread;
    private volatile boolean running = true;

    private EmailBackfill(Profiles profiles, StorageWriter writer) {
        this.thread = Thread.ofPlatform().name("kundenpuls-email-backfill").daemon(true).start(() -> run(profiles, writer));
    }

    /**
     * Starts the backfill if the index is incomplete.
     *
     * @param profiles the profiles
     * @param writer   the storage writer
     * @return the running backfill, or null when there is nothing to do
     */
    public static EmailBackfill startIfNeeded(Profiles profiles, StorageWriter writer) {
        return profiles.emailsIndexed() ? null : new EmailBackfill(profiles, writer);
    }

    private void run(Profiles profiles, StorageWriter writer) {
        long started = System.nanoTime();
        long longestCommit = 0;
        try {
            while (running) {
                Optional<Profiles.EmailSlice> slice = profiles.nextEmailSlice();
                if (slice.isEmpty()) {
                    break;
                }
                long t0 = System.nanoTime();
                boolean done = writer.write(tx -> profiles.indexEmails(slice.get(), tx));
                longestCommit = Math.max(longestCommit, System.nanoTime() - t0);
                if (done) {
                    break;
                }
                // Between slices, other commits get the writer.
                Thread.sleep(2);
            }
            long longest = longestCommit;
            if (running) {
                LOG.info(() -> "E-mail index built in " + (System.nanoTime() - started) / 1_000_000 + " ms; longest commit "
                        + longest / 1_000_000 + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Building the e-mail index stopped; the next start goes on where it left off", e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
