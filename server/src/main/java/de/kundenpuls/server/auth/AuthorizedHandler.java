package de.kundenpuls.server.auth;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** A route handler that runs only for a verified caller of an allowed role. */
@FunctionalInterface
public interface AuthorizedHandler {

    /**
     * Handles the request.
     *
     * @param caller the verified caller
     * @param req    the request
     * @param res    the response
     */
    void handle(Caller caller, ServerRequest req, ServerResponse res);
}
