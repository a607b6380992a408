package de.kundenpuls.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real server in its own process, for settings that only the environment can make (the Admin
 * SDK reads {@code FIREBASE_AUTH_EMULATOR_HOST} from the environment and nowhere else). No profile:
 * the production configuration and sign-in, with the given environment on top; the embedded
 * build's main only adds the demo stores (and products with {@code CATALOG_SEED_DEMO}).
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final String url;

    private ServerProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /**
     * Starts the server and waits until it is ready.
     *
     * @param dataDir its data directory
     * @param env     environment on top of the production configuration
     * @return the running server
     */
    public static ServerProcess start(Path dataDir, Map<String, String> env) {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Path.of("target", "server-process-" + port + ".log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(java, "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"), "de.kundenpuls.embedded.EmbeddedMain")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            // Empty, not unset: the embedded main would otherwise take the embedded profile (dev sign-in).
            pb.environment().put("KUNDENPULS_PROFILE", "");
            pb.environment().put("SERVER_PORT", String.valueOf(port));
            pb.environment().put("SERVER_HOST", "127.0.0.1");
            pb.environment().put("OBSERVE_PORT", "0");
            pb.environment().put("STORAGE_DIRECTORY", dataDir.toString());
            pb.environment().putAll(env);
            ServerProcess server = new ServerProcess(pb.start(), "http://127.0.0.1:" + port);
            server.awaitReady(log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's base URL. */
    public String url() {
        return url;
    }

    private void awaitReady(Path log) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url + "/observe/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("The server did not become ready; its output:\n" + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
