package de.kundenpuls.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.kundenpuls.model.Problem;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
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
