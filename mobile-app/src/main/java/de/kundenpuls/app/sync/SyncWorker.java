package de.kundenpuls.app.sync;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import de.kundenpuls.app.i18n.Texts;
import de.kundenpuls.model.Problem;
import de.kundenpuls.model.client.ApiException;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.BatchResult;
import de.kundenpuls.model.feedback.FeedbackItem;

/**
 * Sends the outbox to the server's idempotent batch endpoint: right after a new answer, then in
 * batches until the outbox is empty. When the network or the server fails, it waits 1 s, 2 s,
 * 4 s … up to a minute (with jitter, so a store full of kiosks does not retry in step). Nothing in
 * the outbox can block it: an answer the server refuses for good is set aside with the reason; a
 * batch the server refuses as a whole is split until the answer behind it is found and set aside;
 * a batch that gets no result for an answer is retried later, smaller, never at once.
 */
public final class SyncWorker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SyncWorker.class.getName());
    /** Answers per request; the server accepts up to 500. */
    static final int BATCH = 100;
    private int batchSize = BATCH;

    private final Outbox outbox;
    private final Supplier<KundenpulsClient> client;
    private final Consumer<Integer> pendingListener;
    private final Consumer<Problem> refusedListener;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kundenpuls-sync");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> next;
    private int failures;
    private volatile boolean stopped;
    private volatile Runnable revokedListener = () -> { };
    private final Deliveries deliveries = new Deliveries();

    /** @return where a screen asks what became of the answer it sent */
    public Deliveries deliveries() {
        return deliveries;
    }

    /**
     * @param listener told (on the sync thread) when the server says this kiosk was revoked; the
     *                 worker stops then, and the outbox keeps its answers
     */
    public void onRevoked(Runnable listener) {
        this.revokedListener = listener;
    }

    /**
     * Creates the worker; it does nothing until {@link #kick()}.
     *
     * @param outbox          the answers to send
     * @param client          the client to send with (the signed-in shopper's, or an anonymous kiosk's)
     * @param pendingListener told the number of waiting answers after each change (any thread)
     * @param refusedListener told why the server refused an answer for good (any thread)
     * @param firstRetry      the first wait after a failure
     * @param maxRetry        the longest wait
     */
    public SyncWorker(Outbox outbox, Supplier<KundenpulsClient> client, Consumer<Integer> pendingListener,
                      Consumer<Problem> refusedListener, Duration firstRetry, Duration maxRetry) {
        this.outbox = outbox;
        this.client = client;
        this.pendingListener = pendingListener;
        this.refusedListener = refusedListener;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    /** Sends now (a new answer, the app came to the foreground, the network came back). */
    public synchronized void kick() {
        if (stopped) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        failures = 0;
        next = executor.schedule(this::run, 0, TimeUnit.MILLISECONDS);
    }

    private void run() {
        List<Outbox.Queued> batch = List.of();
        try {
            while (true) {
                batch = outbox.next(batchSize());
                pendingListener.accept(outbox.size());
                if (batch.isEmpty()) {
                    return;
                }
                BatchResult result = client.get().feedback().send(batch.stream().map(Outbox.Queued::item).toList());
                if (settle(batch, result) == 0) {
                    // The server answered but settled none of them: never resend the same batch at once.
                    noProgress(batch, Texts.t("sync.noResult"));
                    return;
                }
                synchronized (this) {
                    failures = 0;
                    batchSize = Math.min(BATCH, batchSize * 2);
                }
            }
        } catch (ApiException e) {
            if (e.status() == 401 && e.problem() != null && Problem.TYPE_KIOSK_REVOKED.equals(e.problem().type())) {
                // Retrying cannot help: only a new enrollment can. The answers stay on the device.
                LOG.warning("This kiosk was revoked; sync stops");
                stopped = true;
                revokedListener.run();
                return;
            }
            if (e.status() == 429) {
                // Over the sender's rate (an app account may send only a few answers at once):
                // smaller batches, later, get through where the same batch never would.
                synchronized (this) {
                    batchSize = Math.max(1, batchSize / 2);
                }
            }
            boolean transientFailure = e.status() >= 500 || e.status() == 429 || e.status() == 401 || e.status() == 403
                    || e.status() == 408;
            if (!transientFailure && (batch.size() > 1 || fromThisServer(e))) {
                // Refused as a whole (e.g. too large for this server, or one answer it cannot read):
                // halve until the answer behind it stands alone, then set that one aside.
                noProgress(batch, e.problem() != null ? e.problem().detail() : e.getMessage());
                return;
            }
            retryLater(true, e);
        } catch (RuntimeException e) {
            retryLater(true, e);
        } finally {
            pendingListener.accept(outbox.size());
        }
    }

    /**
     * Whether a refusal is the server's own verdict (a problem document with one of its types),
     * not a proxy's 404 or 502 page: only that sets a lone answer aside, anything else is retried.
     */
    private static boolean fromThisServer(ApiException e) {
        return e.problem() != null && e.problem().type() != null
                && e.problem().type().startsWith(de.kundenpuls.model.ProblemCode.TYPE_BASE);
    }

    /**
     * Acknowledges or sets aside each answer by its result (one per answer, in the order sent).
     *
     * @return how many were settled
     */
    private int settle(List<Outbox.Queued> batch, BatchResult result) {
        int settled = 0;
        for (int i = 0; i < batch.size() && i < result.results().size(); i++) {
            Outbox.Queued q = batch.get(i);
            BatchResult.ItemResult r = result.results().get(i);
            if (r.id() != null && !r.id().equals(q.item().id())) {
                continue;
            }
            if (r.status() == BatchResult.Status.REJECTED) {
                LOG.warning("Server refused answer " + q.item().id() + ": " + r.problem());
                outbox.setAside(q, r.problem() == null ? "" : r.problem().field() + ": " + r.problem().detail());
                if (!deliveries.settled(q.item().id(), new Deliveries.Outcome(false, r.problem()))) {
                    refusedListener.accept(r.problem());
                }
            } else if (r.id() != null) {
                outbox.acknowledged(q);
                deliveries.settled(q.item().id(), new Deliveries.Outcome(true, null));
            } else {
                continue;
            }
            settled++;
        }
        return settled;
    }

    /** A batch that settled nothing: split it, or set its only answer aside; either way, later. */
    private void noProgress(List<Outbox.Queued> batch, String reason) {
        if (batch.size() == 1) {
            LOG.warning("Setting answer aside: " + reason);
            String why = reason == null ? "" : reason;
            outbox.setAside(batch.getFirst(), why);
            Problem problem = new Problem("about:blank", why, 400, why, null, null, List.of());
            if (!deliveries.settled(batch.getFirst().item().id(), new Deliveries.Outcome(false, problem))) {
                refusedListener.accept(problem);
            }
            synchronized (this) {
                next = executor.schedule(this::run, firstRetry.toMillis(), TimeUnit.MILLISECONDS);
            }
            return;
        }
        synchronized (this) {
            batchSize = Math.max(1, batch.size() / 2);
        }
        LOG.info("Batch of " + batch.size() + " refused as a whole (" + reason + "); trying halves");
        retryLater(true, null);
    }

    private synchronized void retryLater(boolean transientFailure, Exception e) {
        LOG.log(Level.FINE, "Sync failed, will retry", e);
        if (!transientFailure) {
            LOG.log(Level.WARNING, "Sync refused as a whole; will retry later", e);
        }
        failures++;
        long base = firstRetry.toMillis() << Math.min(failures - 1, 16);
        long wait = Math.min(maxRetry.toMillis(), base);
        long jittered = wait / 2 + ThreadLocalRandom.current().nextLong(wait / 2 + 1);
        next = executor.schedule(this::run, jittered, TimeUnit.MILLISECONDS);
    }

    private synchronized int batchSize() {
        return batchSize;
    }

    /** @return whether it stopped for good (the kiosk was revoked) */
    public boolean stopped() {
        return stopped;
    }

    /** @return consecutive failed attempts (0 when the last one succeeded) */
    public synchronized int failures() {
        return failures;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
