package de.kundenpuls.server.api;

import java.util.List;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Headers on every response, console and API: a Content-Security-Policy that allows scripts only
 * from this server (no inline script, no eval), no framing at all (so erasure or a campaign send
 * cannot be clickjacked), no MIME sniffing, and no referrer leaving the console.
 */
public final class SecurityHeaders implements Handler {

    private static final HeaderName CSP = HeaderNames.create("Content-Security-Policy");
    private static final HeaderName FRAME_OPTIONS = HeaderNames.create("X-Frame-Options");
    private static final HeaderName CONTENT_TYPE_OPTIONS = HeaderNames.create("X-Content-Type-Options");
    private static final HeaderName REFERRER_POLICY = HeaderNames.create("Referrer-Policy");

    private final String policy;

    /**
     * Creates the handler.
     *
     * @param signInOrigins origins the console's sign-in connects to besides this server
     */
    public SecurityHeaders(List<String> signInOrigins) {
        String connect = String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of("'self'"),
                signInOrigins.stream()).toList());
        // Inline styles stay allowed: Chart.js sizes its canvas through the style attribute.
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "connect-src " + connect + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /** The policy sent. */
    public String policy() {
        return policy;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        res.headers().set(CSP, policy);
        res.headers().set(FRAME_OPTIONS, "DENY");
        res.headers().set(CONTENT_TYPE_OPTIONS, "nosniff");
        res.headers().set(REFERRER_POLICY, "no-referrer");
        res.next();
    }
}
