package de.kundenpuls.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.profile.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a server acknowledged is ever lost: a separate server process is killed with SIGKILL
 * while 32 shoppers write to their profiles as fast as they can, and after a restart each
 * profile holds at least the last value the server acknowledged.
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
                while (totalAcked.get() < 3000) {
                    Thread.sleep(20);
                }
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
    void anUnusableDataDirectoryEndsTheProcessWithOneClearLine() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("plain-file"), "x");
        try (ServerProcess server = ServerProcess.start(file, Map.of())) {
            assertThat(server.awaitExit(60)).isNotZero();
            assertThat(server.output()).anySatisfy(line -> assertThat(line).contains("plain-file"));
        }
    }
}
