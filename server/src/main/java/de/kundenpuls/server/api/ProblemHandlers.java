package de.kundenpuls.server.api;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.Message;
import de.kundenpuls.model.Messages;
import de.kundenpuls.model.Problem;
import de.kundenpuls.model.ProblemCode;
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
 * Maps every failure to an RFC 9457 problem, once, for the whole routing: the status by the kind of
 * exception, the {@code type} by its problem code, {@code title} and {@code detail} in the caller's
 * language ({@link Languages#readerLocale}), {@code instance} the full request path. No stack trace
 * and no exception message of an unexpected error ever reaches a client; those are logged instead.
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
                        send(req, res, Status.BAD_REQUEST_400, e.message(), e.field()))
                .error(StorageFailedException.class, (req, res, e) -> {
                    LOG.log(Level.SEVERE, "Storage failure on " + path(req), e);
                    send(req, res, Status.SERVICE_UNAVAILABLE_503, Message.of(ProblemCode.STORAGE_UNAVAILABLE), null);
                })
                .error(HttpException.class, ProblemHandlers::http)
                .error(Throwable.class, (req, res, e) -> {
                    LOG.log(Level.SEVERE, "Unexpected failure on " + req.prologue().method().text() + " " + path(req), e);
                    send(req, res, Status.INTERNAL_SERVER_ERROR_500, Message.of(ProblemCode.INTERNAL_ERROR), null);
                });
    }

    /**
     * @param e a refusal
     * @return the HTTP status of its kind
     */
    static Status status(ApiException e) {
        return switch (e) {
            case InvalidRequestException x -> Status.BAD_REQUEST_400;
            case AuthenticationException x -> Status.UNAUTHORIZED_401;
            case ForbiddenException x -> Status.FORBIDDEN_403;
            case NotFoundException x -> Status.NOT_FOUND_404;
            case RequestTimeoutException x -> Status.REQUEST_TIMEOUT_408;
            case ConflictException x -> Status.CONFLICT_409;
            case UnsupportedMediaTypeException x -> Status.UNSUPPORTED_MEDIA_TYPE_415;
            case TooManyRequestsException x -> Status.TOO_MANY_REQUESTS_429;
            case ServiceUnavailableException x -> Status.SERVICE_UNAVAILABLE_503;
        };
    }

    /**
     * Problem bodies for errors Helidon answers before routing (payload too large, malformed
     * request line or headers); in English, since such a request may not have readable headers.
     *
     * @return direct handlers for the web server
     */
    public static DirectHandlers directHandlers() {
        DirectHandler handler = (request, eventType, status, headers, message) -> {
            boolean tooLarge = status.code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code();
            ProblemCode code = tooLarge ? ProblemCode.BODY_TOO_LARGE
                    : status.code() >= 500 ? ProblemCode.INTERNAL_ERROR : ProblemCode.REQUEST_MALFORMED;
            Problem problem = problem(Locale.ROOT, status, Message.of(code), request.path(), tooLarge ? "body" : null);
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
        switch (e) {
            case TooManyRequestsException limited ->
                    res.headers().set(HeaderNames.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
            case AuthenticationException unauthenticated -> res.headers().set(HeaderNames.WWW_AUTHENTICATE, "Bearer");
            default -> {
            }
        }
        send(req, res, status(e), e.detail(), e.field());
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
            LOG.log(Level.SEVERE, "HTTP failure on " + path(req), e);
            send(req, res, status, Message.of(ProblemCode.INTERNAL_ERROR), null);
            return;
        }
        if (status == Status.REQUEST_ENTITY_TOO_LARGE_413) {
            send(req, res, status, Message.of(ProblemCode.BODY_TOO_LARGE), "body");
            return;
        }
        send(req, res, status, Message.of(ProblemCode.REQUEST_REFUSED, status.reasonPhrase()), null);
    }

    private static void send(ServerRequest req, ServerResponse res, Status status, Message detail, String field) {
        if (res.isSent()) {
            return;
        }
        Responses.problem(res, problem(Languages.readerLocale(req), status, detail, path(req), field));
    }

    /**
     * @param locale the reader's language
     * @param status the answer's status
     * @param detail what went wrong
     * @param path   the full request path
     * @param field  the wrong field, or null
     * @return the problem
     */
    static Problem problem(Locale locale, Status status, Message detail, String path, String field) {
        String type = detail.key() instanceof ProblemCode code ? code.type() : "about:blank";
        return new Problem(type, Messages.title(status.code(), locale, status.reasonPhrase()), status.code(),
                detail.text(locale), path, field, null);
    }

    /** The full path, also inside a feature's routing (where the prologue's path is the whole one too). */
    private static String path(ServerRequest req) {
        return req.path().absolute().path();
    }

    private static byte[] bytes(Problem problem) {
        try {
            return Json.mapper().writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return "{\"status\":500}".getBytes(StandardCharsets.UTF_8);
        }
    }
}
