package de.kundenpuls.server.api;

import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.Problem;
import de.kundenpuls.server.api.AuthenticationException;
import de.kundenpuls.server.storage.StorageFailedException;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Maps every failure to an RFC 9457 problem, once, for the whole routing. No stack trace and no
 * exception message of an unexpected error ever reaches a client; those are logged instead.
 */
public final class ProblemHandlers {

    private static final Logger LOG = Logger.getLogger(ProblemHandlers.class.getName());

    private ProblemHandlers() {
    }

    /**
     * Registers the error handlers.
     *
     * @param routing the routing to protect
     */
    public static void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, ProblemHandlers::api)
                .error(InvalidFieldException.class, (req, res, e) ->
                        send(req, res, Status.BAD_REQUEST_400, "Invalid request", e.reason(), e.field()))
                .error(AuthenticationException.class, (req, res, e) -> {
                    res.headers().set(HeaderNames.WWW_AUTHENTICATE, "Bearer");
                    send(req, res, e.type(), Status.UNAUTHORIZED_401, "Unauthorized", e.getMessage(), "Authorization");
                })
                .error(StorageFailedException.class, (req, res, e) -> {
                    LOG.log(Level.SEVERE, "Storage failure on " + req.prologue().uriPath().path(), e);
                    send(req, res, Status.SERVICE_UNAVAILABLE_503, "Storage unavailable",
                            "The change was not saved; try again later", null);
                })
                .error(HttpException.class, ProblemHandlers::http)
                .error(Throwable.class, (req, res, e) -> {
                    LOG.log(Level.SEVERE, "Unexpected failure on " + req.prologue().method().text() + " " + req.prologue().uriPath().path(), e);
                    send(req, res, Status.INTERNAL_SERVER_ERROR_500, "Internal error",
                            "The server failed to process the request; it has been logged", null);
                });
    }

    /**
     * Problem bodies for errors Helidon answers before routing (payload too large, malformed
     * request line or headers).
     *
     * @return direct handlers for the web server
     */
    public static DirectHandlers directHandlers() {
        DirectHandler handler = (request, eventType, status, headers, message) -> {
            boolean tooLarge = status.code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code();
            String field = tooLarge ? "body" : null;
            String detail = tooLarge ? "The request body is larger than the server accepts"
                    : status.code() >= 500 ? "The server failed to process the request" : "The request could not be parsed";
            Problem problem = new Problem("about:blank", status.reasonPhrase(), status.code(), detail,
                    request.path(), field, null);
            return DirectHandler.TransportResponse.builder()
                    .status(status)
                    .headers(headers)
                    .header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .entity(bytes(problem))
                    .build();
        };
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    private static void api(ServerRequest req, ServerResponse res, ApiException e) {
        if (e instanceof TooManyRequestsException limited) {
            res.headers().set(HeaderNames.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        send(req, res, e.status(), e.title(), e.getMessage(), e.field());
    }

    private static void http(ServerRequest req, ServerResponse res, HttpException e) {
        Status status = e.status();
        if (status.code() < 400) {
            // Static content answers a conditional GET with "304 Not Modified" by throwing; such a
            // response carries the exception's headers (ETag, Last-Modified) and never a body.
            e.headers().forEach(res::header);
            res.status(status).send();
            return;
        }
        if (status.code() >= 500) {
            LOG.log(Level.SEVERE, "HTTP failure on " + req.prologue().uriPath().path(), e);
            send(req, res, status, status.reasonPhrase(), "The server failed to process the request", null);
            return;
        }
        String field = status == Status.REQUEST_ENTITY_TOO_LARGE_413 ? "body" : null;
        String detail = status == Status.REQUEST_ENTITY_TOO_LARGE_413
                ? "The request body is larger than the server accepts" : status.reasonPhrase();
        send(req, res, status, status.reasonPhrase(), detail, field);
    }

    private static void send(ServerRequest req, ServerResponse res, Status status, String title, String detail, String field) {
        send(req, res, "about:blank", status, title, detail, field);
    }

    private static void send(ServerRequest req, ServerResponse res, String type, Status status, String title, String detail,
                             String field) {
        if (res.isSent()) {
            return;
        }
        Responses.problem(res, new Problem(type, title, status.code(), GermanDetails.forRequest(req, detail),
                req.prologue().uriPath().path(), field, null));
    }

    private static byte[] bytes(Problem problem) {
        try {
            return Json.mapper().writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return "{\"status\":500}".getBytes(StandardCharsets.UTF_8);
        }
    }
}
