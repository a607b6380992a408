package de.kundenpuls.server.push;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import com.github.benmanes.caffeine.cache.Caffeine;
import de.kundenpuls.server.ratelimit.TokenBucket;
import com.google.firebase.FirebaseApp;
import com.google.firebase.messaging.BatchResponse;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.Notification;
import com.google.firebase.messaging.SendResponse;

/**
 * The FCM adapter on the Firebase Admin SDK: {@code sendEach} in chunks of at most 500, a bounded
 * number of chunks in flight, retries with exponential backoff and full jitter for 429, 503 and
 * I/O errors (the SDK itself retries only 503), client-side token buckets for FCM's per-device
 * (240/min) and per-project (600k/min) quotas, and one outcome per message.
 */
public final class FcmPushGateway implements PushGateway, AutoCloseable {

    /** The most messages one {@code sendEach} call takes. */
    public static final int CHUNK = 500;

    private static final Logger LOG = Logger.getLogger(FcmPushGateway.class.getName());

    private final FirebaseMessaging messaging;
    private final Semaphore inFlight;
    private final int maxAttempts;
    private final long baseBackoffMillis;
    private final TokenBucket project;
    // One bucket per device token; a token unused for two minutes has a full bucket again anyway.
    private final Map<String, TokenBucket> devices = Caffeine.newBuilder().maximumSize(2_000_000)
            .expireAfterAccess(Duration.ofMinutes(2)).<String, TokenBucket>build().asMap();
    private final long devicePerMinute;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * Creates the gateway.
     *
     * @param app               the Firebase app
     * @param chunksInFlight    how many {@code sendEach} calls may run at once
     * @param maxAttempts       attempts per message for retryable errors
     * @param baseBackoffMillis first backoff; doubles per attempt, with full jitter
     * @param projectPerMinute  project quota (FCM: 600,000/min)
     * @param devicePerMinute   per-device quota (FCM: 240/min)
     */
    public FcmPushGateway(FirebaseApp app, int chunksInFlight, int maxAttempts, long baseBackoffMillis, long projectPerMinute,
                          long devicePerMinute) {
        this.messaging = FirebaseMessaging.getInstance(app);
        this.inFlight = new Semaphore(chunksInFlight);
        this.maxAttempts = maxAttempts;
        this.baseBackoffMillis = baseBackoffMillis;
        this.project = new TokenBucket(projectPerMinute, TimeUnit.MINUTES.toNanos(1), System.nanoTime());
        this.devicePerMinute = devicePerMinute;
    }

    /**
     * FCM's limits, 8 chunks in flight, 5 attempts from 200 ms.
     *
     * @param app the Firebase app
     * @return the gateway
     */
    public static FcmPushGateway withDefaults(FirebaseApp app) {
        return new FcmPushGateway(app, 8, 5, 200, 600_000, 240);
    }

    @Override
    public List<PushOutcome> send(List<PushMessage> messages) {
        PushOutcome[] outcomes = new PushOutcome[messages.size()];
        List<Future<?>> chunks = new ArrayList<>();
        for (int from = 0; from < messages.size(); from += CHUNK) {
            int start = from;
            int end = Math.min(messages.size(), from + CHUNK);
            chunks.add(executor.submit(() -> {
                inFlight.acquireUninterruptibly();
                try {
                    sendChunk(messages, start, end, outcomes);
                } finally {
                    inFlight.release();
                }
            }));
        }
        for (Future<?> chunk : chunks) {
            try {
                chunk.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("sending failed", e.getCause());
            }
        }
        return Arrays.asList(outcomes);
    }

    private void sendChunk(List<PushMessage> messages, int start, int end, PushOutcome[] outcomes) {
        List<Integer> pending = new ArrayList<>();
        for (int i = start; i < end; i++) {
            PushMessage m = messages.get(i);
            // Keyed by a copy: the token instance itself is a stored object, and a live reference to
            // it would keep an erased customer's token in the data files until the bucket expires.
            TokenBucket device = devices.computeIfAbsent(new String(m.token()),
                    t -> new TokenBucket(devicePerMinute, TimeUnit.MINUTES.toNanos(1), System.nanoTime()));
            if (!device.tryTake(System.nanoTime())) {
                outcomes[i] = new PushOutcome(m.token(), PushOutcome.Kind.RATE_LIMITED, null, "over 240 messages per minute to this device");
            } else {
                pending.add(i);
            }
        }
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                sleep(backoff(attempt - 1));
            }
            List<Message> batch = new ArrayList<>(pending.size());
            for (int i : pending) {
                awaitProjectToken();
                batch.add(toMessage(messages.get(i)));
            }
            List<Integer> retry = new ArrayList<>();
            try {
                BatchResponse response = messaging.sendEach(batch);
                List<SendResponse> responses = response.getResponses();
                for (int k = 0; k < responses.size(); k++) {
                    int i = pending.get(k);
                    SendResponse r = responses.get(k);
                    PushMessage m = messages.get(i);
                    if (r.isSuccessful()) {
                        outcomes[i] = new PushOutcome(m.token(), PushOutcome.Kind.SENT, r.getMessageId(), null);
                    } else if (retryable(r.getException()) && attempt < maxAttempts) {
                        retry.add(i);
                    } else {
                        outcomes[i] = failure(m, r.getException());
                    }
                }
            } catch (FirebaseMessagingException e) {
                // The whole call failed (sendEach itself does not normally throw): retry every message.
                for (int i : pending) {
                    if (attempt < maxAttempts) {
                        retry.add(i);
                    } else {
                        outcomes[i] = failure(messages.get(i), e);
                    }
                }
            }
            pending = retry;
        }
    }

    private static PushOutcome failure(PushMessage m, FirebaseMessagingException e) {
        if (e.getMessagingErrorCode() == MessagingErrorCode.UNREGISTERED) {
            return new PushOutcome(m.token(), PushOutcome.Kind.UNREGISTERED, null, "UNREGISTERED");
        }
        String code = e.getMessagingErrorCode() != null ? e.getMessagingErrorCode().name() : String.valueOf(e.getErrorCode());
        return new PushOutcome(m.token(), PushOutcome.Kind.FAILED, null, code + ": " + e.getMessage());
    }

    /** 429 (quota), 503 (unavailable), 500 (internal) and broken connections are worth another try. */
    private static boolean retryable(FirebaseMessagingException e) {
        if (e == null) {
            return false;
        }
        MessagingErrorCode code = e.getMessagingErrorCode();
        if (code == MessagingErrorCode.QUOTA_EXCEEDED || code == MessagingErrorCode.UNAVAILABLE
                || code == MessagingErrorCode.INTERNAL) {
            return true;
        }
        if (e.getHttpResponse() != null) {
            int status = e.getHttpResponse().getStatusCode();
            return status == 429 || status == 503 || status == 500;
        }
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof IOException) {
                return true;
            }
            cause = cause.getCause();
        }
        return false;
    }

    private long backoff(int retry) {
        long cap = baseBackoffMillis << Math.min(retry - 1, 10);
        return ThreadLocalRandom.current().nextLong(0, cap + 1);
    }

    private void awaitProjectToken() {
        while (!project.tryTake(System.nanoTime())) {
            sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(project.nanosUntilToken(System.nanoTime()))));
        }
    }

    private static Message toMessage(PushMessage m) {
        return Message.builder()
                .setToken(m.token())
                .setNotification(Notification.builder().setTitle(m.title()).setBody(m.body()).build())
                .putAllData(m.data())
                .build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        LOG.fine("push gateway closed");
    }
}
