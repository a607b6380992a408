package de.kundenpuls.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.kundenpuls.model.Problem;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Writes JSON and problem bodies with the API's one mapper. */
public final class Responses {

    private static final HttpMediaType PROBLEM = HttpMediaType.create(Problem.MEDIA_TYPE);

    private Responses() {
    }

    /**
     * Sends 200 with a JSON body.
     *
     * @param res  the response
     * @param body any serializable value
     */
    public static void json(ServerResponse res, Object body) {
        json(res, Status.OK_200, body);
    }

    /**
     * Sends a JSON body.
     *
     * @param res    the response
     * @param status the status
     * @param body   any serializable value
     */
    public static void json(ServerResponse res, Status status, Object body) {
        byte[] bytes;
        try {
            bytes = Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + body.getClass().getName(), e);
        }
        res.status(status);
        res.headers().contentType(MediaTypes.APPLICATION_JSON);
        res.send(bytes);
    }

    /**
     * Sends 200 with a JSON body that a client may keep and revalidate: with an {@code ETag} of the
     * body's bytes, and 304 without a body when the request's {@code If-None-Match} names it. The
     * app keeps the catalog this way for offline use and fetches it again only when it changed.
     *
     * @param req  the request
     * @param res  the response
     * @param body any serializable value
     */
    public static void revalidated(ServerRequest req, ServerResponse res, Object body) {
        try {
            revalidated(req, res, Json.mapper().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + body.getClass().getName(), e);
        }
    }

    /**
     * Sends JSON bytes as {@link #revalidated(ServerRequest, ServerResponse, Object)} does.
     *
     * @param req   the request
     * @param res   the response
     * @param bytes the JSON body
     */
    public static void revalidated(ServerRequest req, ServerResponse res, byte[] bytes) {
        String etag = etag(bytes);
        res.headers().set(HeaderNames.ETAG, etag);
        // Kept, but asked about again each time: the catalog changes with every import.
        res.headers().set(HeaderNames.CACHE_CONTROL, "no-cache");
        boolean unchanged = req.headers().first(HeaderNames.IF_NONE_MATCH)
                .map(v -> java.util.Arrays.stream(v.split(",")).map(String::strip)
                        .anyMatch(t -> t.equals("*") || t.equals(etag) || t.equals("W/" + etag)))
                .orElse(false);
        if (unchanged) {
            res.status(Status.NOT_MODIFIED_304);
            res.send();
            return;
        }
        res.status(Status.OK_200);
        res.headers().contentType(MediaTypes.APPLICATION_JSON);
        res.send(bytes);
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16)) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a problem.
     *
     * @param res     the response
     * @param problem the problem; its status is the response status
     */
    public static void problem(ServerResponse res, Problem problem) {
        byte[] bytes;
        try {
            bytes = Json.mapper().writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            bytes = ("{\"title\":\"Internal error\",\"status\":" + problem.status() + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        res.status(Status.create(problem.status()));
        res.headers().contentType(PROBLEM);
        res.headers().set(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(bytes);
    }
}
