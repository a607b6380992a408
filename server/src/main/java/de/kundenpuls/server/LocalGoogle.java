package de.kundenpuls.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import io.helidon.webserver.http.HttpService;

/**
 * A local stand-in of Google for the embedded default ({@link IdentityMode.Local}): implemented by
 * the embedded build, never by the production server.
 */
public interface LocalGoogle extends AutoCloseable {

    /** The base URL that serves FCM's send API and the certificates of the signing key. */
    String url();

    /** The URL of a local stand-in of Firebase Authentication for the console's e-mail sign-in, if it serves one. */
    Optional<String> signInUrl();

    /** {@code POST /api/dev/tokens}, if dev sign-in is on. */
    Optional<DevSignIn> devSignIn();

    @Override
    void close();

    /** Opens the stand-in. */
    @FunctionalInterface
    interface Factory {

        /**
         * Opens the stand-in once the data directory is open (the dev key lives there).
         *
         * @param dataDirectory the open data directory
         * @param projectId     the sign-in project
         * @param clock         the server's clock
         * @return the running stand-in
         */
        LocalGoogle open(Path dataDirectory, String projectId, Clock clock);
    }

    /** Dev sign-in: tokens for any role, for callers on this machine. */
    @FunctionalInterface
    interface DevSignIn {

        /**
         * The service behind {@code /api/dev}.
         *
         * @param storeExists whether a store id is known (staff tokens name one)
         * @param kioskClaims the claims of an enrolled, not revoked kiosk account
         * @return the service
         */
        HttpService service(Predicate<String> storeExists, Function<String, Optional<Map<String, Object>>> kioskClaims);
    }
}
