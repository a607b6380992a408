package de.kundenpuls.server.google;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;

/**
 * Builds the {@link FirebaseApp} the server uses for ID-token verification and push.
 *
 * <p>Production uses Application Default Credentials ({@code GOOGLE_APPLICATION_CREDENTIALS}).
 * The stand-in mode keeps every line of the SDK as in production and only swaps its HTTP
 * transport: requests for {@code fcm.googleapis.com} and {@code www.googleapis.com} go to local
 * endpoints over plain HTTP, every other host is refused, and offline credentials (a fixed access
 * token that never needs refreshing) are used — the SDK has no public endpoint option and no FCM
 * emulator exists (STACK.md).
 */
public final class FirebaseWiring {

    private static final String FCM_HOST = "fcm.googleapis.com";
    private static final String CERT_HOST = "www.googleapis.com";

    private FirebaseWiring() {
    }

    /**
     * A Firebase app against Google, with Application Default Credentials.
     *
     * @param projectId the Firebase project id
     * @return the app
     * @throws IOException when no credentials can be found
     */
    public static FirebaseApp production(String projectId) throws IOException {
        FirebaseOptions options = FirebaseOptions.builder()
                .setProjectId(projectId)
                .setCredentials(GoogleCredentials.getApplicationDefault())
                .build();
        return FirebaseApp.initializeApp(options, "kundenpuls-" + UUID.randomUUID());
    }

    /**
     * A Firebase app whose FCM and certificate requests go to local endpoints.
     *
     * @param projectId    the Firebase project id
     * @param fcmEndpoint  base URL of an FCM-v1-compatible endpoint, e.g. {@code http://127.0.0.1:9099}
     * @param certEndpoint base URL serving Google's x509 certificate path
     * @return the app
     */
    public static FirebaseApp standIn(String projectId, String fcmEndpoint, String certEndpoint) {
        Map<String, URI> routes = Map.of(FCM_HOST, URI.create(fcmEndpoint), CERT_HOST, URI.create(certEndpoint));
        HttpTransport transport = new NetHttpTransport.Builder()
                .setConnectionFactory(url -> open(url, routes))
                .build();
        GoogleCredentials offline = GoogleCredentials.create(
                new AccessToken("kundenpuls-standin", Date.from(Instant.parse("2999-01-01T00:00:00Z"))));
        FirebaseOptions options = FirebaseOptions.builder()
                .setProjectId(projectId)
                .setCredentials(offline)
                .setHttpTransport(transport)
                .build();
        return FirebaseApp.initializeApp(options, "kundenpuls-" + UUID.randomUUID());
    }

    private static HttpURLConnection open(URL url, Map<String, URI> routes) throws IOException {
        URI target = routes.get(url.getHost());
        if (target == null) {
            throw new IOException("Refused: " + url.getHost() + " is not reachable in stand-in mode");
        }
        String file = url.getFile();
        URL mapped = URI.create(target.toString().replaceAll("/$", "") + file).toURL();
        return (HttpURLConnection) mapped.openConnection();
    }

    /**
     * Deletes an app, ignoring one that is already gone.
     *
     * @param app the app
     */
    public static void delete(FirebaseApp app) {
        try {
            app.delete();
        } catch (IllegalStateException e) {
            // Already deleted.
        } catch (UncheckedIOException e) {
            // Nothing to release.
        }
    }
}
