package de.kundenpuls.server.api;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

import de.kundenpuls.model.Message;
import de.kundenpuls.model.ProblemCode;

/**
 * A request body must arrive within a deadline. Helidon's socket read timeout does not end a
 * body that trickles in a byte at a time, so one slow client could hold a request open for as
 * long as it likes. Requests run on virtual threads, and a virtual thread blocked on a socket
 * read is interrupted by closing that socket: a watchdog does this when the deadline passes.
 */
public final class BodyDeadline {

    private static final Logger LOG = Logger.getLogger(BodyDeadline.class.getName());
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kundenpuls-body-deadline");
        t.setDaemon(true);
        return t;
    });
    private static volatile Duration limit = Duration.ofSeconds(20);

    private BodyDeadline() {
    }

    /**
     * Sets the deadline (at start, from {@code requests.body-timeout-seconds}).
     *
     * @param deadline how long a body may take to arrive
     */
    public static void set(Duration deadline) {
        limit = deadline;
    }

    /**
     * Reads a body within the deadline.
     *
     * @param reader reads the whole body
     * @return the body
     * @throws ApiException 408 when the deadline passed (the connection is closed then)
     */
    static byte[] read(Supplier<byte[]> reader) {
        Thread reading = Thread.currentThread();
        Object lock = new Object();
        boolean[] state = new boolean[2]; // [0] done, [1] timed out
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            synchronized (lock) {
                if (!state[0]) {
                    state[1] = true;
                    reading.interrupt();
                }
            }
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return reader.get();
        } catch (RuntimeException e) {
            synchronized (lock) {
                if (state[1]) {
                    LOG.fine("A request body did not arrive within " + limit.toSeconds() + " s; connection closed");
                    throw new RequestTimeoutException(Message.of(ProblemCode.BODY_TIMEOUT, limit.toSeconds()));
                }
            }
            throw e;
        } finally {
            synchronized (lock) {
                state[0] = true;
            }
            watchdog.cancel(false);
            // An interrupt that came too late for the read must not hit the response.
            Thread.interrupted();
        }
    }
}
