package de.kundenpuls.server.api;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.Message;
import de.kundenpuls.model.ProblemCode;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;

/**
 * Reads request bodies: checks the content type (415), the size (413, enforced by the server's
 * {@code max-payload-size}), and turns every mapping failure into a 400 that names the field.
 */
public final class JsonBody {

    private JsonBody() {
    }

    /**
     * Reads a JSON body into a type.
     *
     * @param req  the request
     * @param type the target type (a record whose constructor validates)
     * @param <T>  the type
     * @return the value
     */
    public static <T> T read(ServerRequest req, Class<T> type) {
        byte[] bytes = bytes(req, "application/json");
        try {
            return Json.mapper().readValue(bytes, type);
        } catch (IOException e) {
            throw toProblem(e);
        }
    }

    /**
     * Reads a JSON body as a tree, for merge-patch style updates.
     *
     * @param req the request
     * @return the tree
     */
    public static JsonNode tree(ServerRequest req) {
        byte[] bytes = bytes(req, "application/json");
        try {
            JsonNode node = Json.mapper().readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw ApiException.badRequest(null, ProblemCode.BODY_EMPTY_JSON);
            }
            return node;
        } catch (IOException e) {
            throw toProblem(e);
        }
    }

    /**
     * Reads a body of a given media type as bytes.
     *
     * @param req      the request
     * @param expected e.g. {@code application/json} or {@code text/csv}
     * @return the body
     */
    public static byte[] bytes(ServerRequest req, String expected) {
        Optional<HttpMediaType> contentType = req.headers().contentType();
        if (contentType.isEmpty() || !matches(contentType.get(), expected)) {
            throw new UnsupportedMediaTypeException(contentType.isPresent()
                    ? Message.of(ProblemCode.MEDIA_TYPE_WRONG, expected, contentType.get().mediaType().text())
                    : Message.of(ProblemCode.MEDIA_TYPE_MISSING, expected));
        }
        if (!req.content().hasEntity()) {
            throw ApiException.badRequest(null, ProblemCode.BODY_EMPTY);
        }
        return BodyDeadline.read(() -> req.content().as(byte[].class));
    }

    private static boolean matches(HttpMediaType actual, String expected) {
        String text = actual.mediaType().text();
        if (text.equalsIgnoreCase(expected)) {
            return true;
        }
        // application/merge-patch+json and other +json types are JSON too.
        return expected.equals("application/json") && text.toLowerCase(java.util.Locale.ROOT).endsWith("+json");
    }

    /**
     * Maps a Jackson failure to a 400 naming the field, without leaking internals.
     *
     * @param e the failure
     * @return the problem exception
     */
    public static InvalidRequestException toProblem(IOException e) {
        if (e instanceof ValueInstantiationException vie && vie.getCause() instanceof InvalidFieldException ife) {
            String path = path(vie);
            // A value type (Gtin) names itself; the path already ends with the property holding it.
            String field = path.isEmpty() ? ife.field()
                    : path.equals(ife.field()) || path.endsWith("." + ife.field()) ? path : path + "." + ife.field();
            return new InvalidRequestException(field, ife.message());
        }
        if (e instanceof UnrecognizedPropertyException upe) {
            return ApiException.badRequest(path(upe), ProblemCode.UNKNOWN_FIELD, upe.getPropertyName());
        }
        if (e instanceof JsonMappingException de) {
            Throwable cause = de.getCause();
            if (cause instanceof InvalidFieldException ife) {
                String path = path(de);
                return new InvalidRequestException(path.isEmpty() ? ife.field() : path, ife.message());
            }
            // Jackson's own words name Java classes; the client is told the JSON it should send.
            String path = path(de);
            String expected = e instanceof MismatchedInputException mie ? JsonTypes.expected(mie.getTargetType()) : "JSON";
            return path.isEmpty() ? ApiException.badRequest(null, ProblemCode.JSON_WRONG_STRUCTURE, expected)
                    : ApiException.badRequest(path, ProblemCode.JSON_WRONG_TYPE, expected);
        }
        if (e instanceof StreamConstraintsException) {
            return ApiException.badRequest(null, ProblemCode.JSON_NUMBER_TOO_LONG, Json.MAX_NUMBER_LENGTH);
        }
        if (e instanceof JsonProcessingException jpe) {
            var loc = jpe.getLocation();
            return ApiException.badRequest(null, ProblemCode.JSON_MALFORMED, loc == null ? 1 : loc.getLineNr(),
                    loc == null ? 1 : loc.getColumnNr());
        }
        return ApiException.badRequest(null, ProblemCode.JSON_UNREADABLE);
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
