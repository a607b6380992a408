package de.kundenpuls.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import de.kundenpuls.model.analytics.ScoreReport;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.BatchResult;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.model.profile.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a server acknowledged is ever lost: a separate server process is killed with SIGKILL
 * while 32 shoppers write to their profiles as fast as they can, and after a restart each
 * profile holds at least the last value the server acknowledged; the same for answers while the
 * answer log seals segment after segment.
 */
class CrashDurabilityTest {

    private static final int SHOPPERS = 32;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        List<String> tokens = new ArrayList<>();
        int[] lastAcked = new int[SHOPPERS];
        AtomicInteger totalAcked = new AtomicInteger();
        try (ServerProcess first = ServerProcess.start(dir, Map.of())) {
            KundenpulsClient client = KundenpulsClient.create(first.awaitListening());
            for (int i = 0; i < SHOPPERS; i++) {
                tokens.add(client.dev().token("shopper", null).token());
                client.withToken(tokens.get(i)).me().get();
            }
            AtomicBoolean running = new AtomicBoolean(true);
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> writers = new ArrayList<>();
                for (int i = 0; i < SHOPPERS; i++) {
                    int shopper = i;
                    KundenpulsClient me = client.withToken(tokens.get(i));
                    writers.add(pool.submit(() -> {
                        for (int n = 1; running.get(); n++) {
                            try {
                                me.me().patch(Map.of("contact", Map.of("name", "v" + n)));
                                lastAcked[shopper] = n;
                                totalAcked.incrementAndGet();
                            } catch (RuntimeException e) {
                                return;
                            }
                        }
                    }));
                }
                await().atMost(Duration.ofMinutes(2)).until(() -> totalAcked.get() >= 3000);
                first.kill();
                running.set(false);
                for (Future<?> w : writers) {
                    w.get();
                }
            }
        }
        assertThat(totalAcked.get()).isGreaterThanOrEqualTo(3000);
        try (ServerProcess second = ServerProcess.start(dir, Map.of())) {
            KundenpulsClient client = KundenpulsClient.create(second.awaitListening());
            for (int i = 0; i < SHOPPERS; i++) {
                Profile p = client.withToken(tokens.get(i)).me().get();
                int stored = Integer.parseInt(p.contact().name().substring(1));
                // The write in flight at the kill may or may not be there; every acknowledged one must be.
                assertThat(stored).as("shopper %d", i).isGreaterThanOrEqualTo(lastAcked[i]);
                assertThat(stored).as("shopper %d", i).isLessThanOrEqualTo(lastAcked[i] + 1);
            }
        }
    }

    @Test
    void everyAcknowledgedAnswerSurvivesSigkillDuringSegmentRollovers() throws Exception {
        int clients = 8;
        List<FeedbackItem> acked = java.util.Collections.synchronizedList(new ArrayList<>());
        List<FeedbackItem> inFlight = java.util.Collections.synchronizedList(new ArrayList<>());
        Instant at = Instant.now().minusSeconds(600);
        try (ServerProcess first = ServerProcess.start(dir, ServerProcess.BULK_CAPTURE_ENV)) {
            KundenpulsClient anonymous = KundenpulsClient.create(first.awaitListening());
            KundenpulsClient client = anonymous.withToken(anonymous.dev().token("staff", "berlin-mitte").token());
            AtomicBoolean running = new AtomicBoolean(true);
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> senders = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    senders.add(pool.submit(() -> {
                        while (running.get()) {
                            List<FeedbackItem> batch = new ArrayList<>();
                            for (int i = 0; i < 50; i++) {
                                batch.add(new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "checkout", at, 1 + i % 5, null,
                                        null, Map.of(), null, null, null, null, null, "till-" + UUID.randomUUID()));
                            }
                            inFlight.addAll(batch);
                            try {
                                client.feedback().send(batch);
                            } catch (RuntimeException e) {
                                return;
                            }
                            inFlight.removeAll(batch);
                            acked.addAll(batch);
                        }
                    }));
                }
                // About a dozen segments of 1,024 answers are sealed before the kill lands.
                await().atMost(Duration.ofMinutes(2)).until(() -> acked.size() >= 12_000);
                first.kill();
                running.set(false);
                for (Future<?> s : senders) {
                    s.get();
                }
            }
        }
        try (ServerProcess second = ServerProcess.start(dir, ServerProcess.BULK_CAPTURE_ENV)) {
            KundenpulsClient anonymous = KundenpulsClient.create(second.awaitListening());
            KundenpulsClient client = anonymous.withToken(anonymous.dev().token("staff", "berlin-mitte").token());
            long counted = client.withToken(client.dev().token("marketer", null).token())
                    .get("/api/analytics/scores?storeId=berlin-mitte", ScoreReport.class).count();
            assertThat(counted).as("acknowledged %d, in flight %d", acked.size(), inFlight.size())
                    .isBetween((long) acked.size(), (long) acked.size() + inFlight.size());
            // Sent again, every acknowledged answer is recognised: the log and its id window survived.
            for (int from = 0; from < acked.size(); from += 500) {
                BatchResult again = client.feedback().send(acked.subList(from, Math.min(acked.size(), from + 500)));
                assertThat(again.results()).allSatisfy(r -> assertThat(r.status()).isEqualTo(BatchResult.Status.DUPLICATE));
            }
        }
    }

    @Test
    void sigtermShutsDownCleanlyAndKeepsEverything() throws Exception {
        String token;
        try (ServerProcess server = ServerProcess.start(dir, Map.of())) {
            KundenpulsClient client = KundenpulsClient.create(server.awaitListening());
            token = client.dev().token("shopper", null).token();
            client.withToken(token).me().patch(Map.of("contact", Map.of("name", "before SIGTERM")));
            server.close();
            // 143 = ended by SIGTERM after the JVM ran its shutdown hooks (a SIGKILL gives 137).
            assertThat(server.awaitExit(5)).isEqualTo(143);
            assertThat(server.output()).noneSatisfy(line -> assertThat(line).contains("SEVERE"));
        }
        try (ServerProcess again = ServerProcess.start(dir, Map.of())) {
            KundenpulsClient client = KundenpulsClient.create(again.awaitListening()).withToken(token);
            assertThat(client.me().get().contact().name()).isEqualTo("before SIGTERM");
        }
    }

    @Test
    void aTakenPortEndsTheProcessWithOneClearLine() throws Exception {
        try (ServerProcess first = ServerProcess.start(dir.resolve("a"), Map.of())) {
            String url = first.awaitListening();
            String port = url.substring(url.lastIndexOf(':') + 1);
            try (ServerProcess second = ServerProcess.start(dir.resolve("b"), Map.of("SERVER_PORT", port))) {
                assertThat(second.awaitExit(60)).isNotZero();
                assertThat(second.output()).anySatisfy(line -> assertThat(line).contains("port " + port));
            }
        }
    }

    @Test
    void aTakenStandInPortEndsTheProcessWithOneClearLineAndExitCode2() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             ServerProcess second = ServerProcess.start(dir.resolve("c"), Map.of("STANDIN_PORT",
                     String.valueOf(taken.getLocalPort())))) {
            assertThat(second.awaitExit(60)).isEqualTo(2);
            assertThat(second.output()).anySatisfy(line -> assertThat(line).contains("stand-in's port " + taken.getLocalPort()));
            assertThat(second.output()).as("one line, no stack trace").noneSatisfy(line -> assertThat(line).contains("\tat "));
        }
    }

    @Test
    void anUnusableDataDirectoryEndsTheProcessWithOneClearLine() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("plain-file"), "x");
        try (ServerProcess server = ServerProcess.start(file, Map.of())) {
            assertThat(server.awaitExit(60)).isNotZero();
            assertThat(server.output()).anySatisfy(line -> assertThat(line).contains("plain-file"));
        }
    }
}
