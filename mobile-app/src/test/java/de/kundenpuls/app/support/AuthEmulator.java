package de.kundenpuls.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real Firebase Auth emulator (npm {@code firebase-tools}, pinned in {@code auth-emulator/package.json}),
 * started offline for a test class and stopped after it. Installs the package first when it is
 * not there ({@code npm ci}; the npm registry is reachable from CI). Use with
 * {@code @RegisterExtension static AuthEmulator emulator = new AuthEmulator();}.
 */
public final class AuthEmulator implements BeforeAllCallback, AfterAllCallback {

    /** Where it listens (auth-emulator/firebase.json). */
    public static final String HOST = "127.0.0.1:59099";
    /** A demo project never reaches Google. */
    public static final String PROJECT = "demo-kundenpuls";

    private static final Path DIR = Path.of("auth-emulator").toAbsolutePath();
    private Process process;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path firebase = DIR.resolve("node_modules/.bin/firebase");
        if (!Files.isExecutable(firebase)) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), Duration.ofMinutes(5));
        }
        Path log = Path.of("target", "auth-emulator.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(firebase.toString(), "emulators:start", "--only", "auth", "--project", PROJECT)
                .directory(DIR.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("CI", "true");
        process = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + HOST + "/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.body().replaceAll("\\s", "").contains("\"ready\":true")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The Auth emulator did not start; its output: " + log + "\n"
                        + (Files.exists(log) ? Files.readString(log) : ""));
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            // firebase-tools runs the emulator in a Java child process of node: stop them all.
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    /**
     * Creates an e-mail account with custom claims, the way an admin of the Firebase project
     * gives staff and admins their role (the emulator's admin API, authorized as {@code owner}).
     *
     * @param email    the e-mail address
     * @param password the password
     * @param claims   the custom claims, e.g. {@code {"role":"admin"}}
     * @return the account's uid
     */
    public String createAccount(String email, String password, java.util.Map<String, Object> claims) {
        try {
            HttpClient http = HttpClient.newHttpClient();
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://" + HOST
                    + "/identitytoolkit.googleapis.com/v1/accounts:signUp?key=emulator")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(java.util.Map.of("email", email,
                            "password", password, "returnSecureToken", true)))).build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 200) {
                throw new IllegalStateException("signUp: " + created.body());
            }
            String uid = json.readTree(created.body()).get("localId").asText();
            HttpResponse<String> updated = http.send(HttpRequest.newBuilder(URI.create("http://" + HOST
                    + "/identitytoolkit.googleapis.com/v1/projects/" + PROJECT + "/accounts:update"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer owner")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(java.util.Map.of("localId", uid,
                            "customAttributes", json.writeValueAsString(claims))))).build(), HttpResponse.BodyHandlers.ofString());
            if (updated.statusCode() != 200) {
                throw new IllegalStateException("accounts:update: " + updated.body());
            }
            return uid;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Removes every account (between tests). */
    public void clearAccounts() {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + HOST + "/emulator/v1/projects/" + PROJECT
                    + "/accounts")).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "npm-ci.log").toAbsolutePath().toFile()).start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed in " + DIR + "; see target/npm-ci.log");
        }
    }
}
