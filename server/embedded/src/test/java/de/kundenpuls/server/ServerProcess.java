package de.kundenpuls.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as a separate operating-system process, started like {@code java -jar} would (same
 * classes, same main as ./run.sh), so that tests can kill it with SIGKILL or watch it exit.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

    /** {@link TestServer#BULK_CAPTURE} as environment variables. */
    public static final Map<String, String> BULK_CAPTURE_ENV = Map.of("FEEDBACK_LIMITS_KIOSK_BURST", "100000000",
            "FEEDBACK_LIMITS_KIOSK_REFILL_SECONDS", "1");

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private final Thread pump;

    private ServerProcess(Process process) {
        this.process = process;
        this.pump = Thread.ofPlatform().daemon(true).start(this::pump);
    }

    /** Waits until everything the ended process printed has been read. */
    private void drain() {
        try {
            pump.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts the embedded build's main ({@link de.kundenpuls.embedded.EmbeddedMain}) in a new JVM with the embedded profile.
     *
     * @param dataDir the data directory
     * @param env     further environment, e.g. {@code SERVER_PORT}
     * @return the process (not yet necessarily listening)
     * @throws IOException when the JVM cannot be started
     */
    public static ServerProcess start(Path dataDir, Map<String, String> env) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), de.kundenpuls.embedded.EmbeddedMain.class.getName());
        pb.environment().put("KUNDENPULS_PROFILE", "embedded");
        pb.environment().put("SERVER_PORT", "0");
        pb.environment().put("OBSERVE_PORT", "0");
        pb.environment().put("STANDIN_PORT", "0");
        pb.environment().put("CATALOG_SEED_DEMO", "false");
        pb.environment().put("DEMO_HISTORY", "false");
        pb.environment().put("STORAGE_DIRECTORY", dataDir.toString());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        return new ServerProcess(pb.start());
    }

    private void pump() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            // The process died; exitCode() tells the test.
        }
        port.completeExceptionally(new IllegalStateException("server exited before listening: " + output()));
    }

    /**
     * Waits until the server listens.
     *
     * @return its base URL
     */
    public String awaitListening() {
        try {
            return "http://127.0.0.1:" + port.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("server did not start: " + output(), e);
        }
    }

    /**
     * Waits for the process to end.
     *
     * @param seconds how long at most
     * @return its exit code
     */
    public int awaitExit(int seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException("still running after " + seconds + " s: " + output());
            }
            drain();
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the process with SIGKILL: no shutdown hook, no final commit. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(30);
    }

    /** Everything the process printed so far. */
    public List<String> output() {
        synchronized (output) {
            return new ArrayList<>(output);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            drain();
        }
    }
}
