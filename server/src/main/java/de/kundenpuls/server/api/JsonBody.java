package de.kundenpuls.server.api;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import de.kundenpuls.model.InvalidFieldException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
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
                throw ApiException.badRequest(null, "The request body is empty; a JSON object is expected");
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
            throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415, "Unsupported media type",
                    "The body must be " + expected + (contentType.isPresent()
                            ? ", not " + contentType.get().mediaType().text() : " (no Content-Type header was sent)"),
                    HeaderNames.CONTENT_TYPE.defaultCase());
        }
        if (!req.content().hasEntity()) {
            throw ApiException.badRequest(null, "The request body is empty");
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
    public static ApiException toProblem(IOException e) {
        if (e instanceof ValueInstantiationException vie && vie.getCause() instanceof InvalidFieldException ife) {
            String path = path(vie);
            // A value type (Gtin) names itself; the path already ends with the property holding it.
            String field = path.isEmpty() ? ife.field()
                    : path.equals(ife.field()) || path.endsWith("." + ife.field()) ? path : path + "." + ife.field();
            return ApiException.badRequest(field, ife.reason());
        }
        if (e instanceof UnrecognizedPropertyException upe) {
            return ApiException.badRequest(path(upe), "Unknown field '" + upe.getPropertyName() + "'");
        }
        if (e instanceof JsonMappingException de) {
            Throwable cause = de.getCause();
            if (cause instanceof InvalidFieldException ife) {
                String path = path(de);
                return ApiException.badRequest(path.isEmpty() ? ife.field() : path, ife.reason());
            }
            String path = path(de);
            String message = de.getOriginalMessage();
            int nl = message == null ? -1 : message.indexOf('\n');
            String shortMessage = message == null ? "has the wrong type" : (nl > 0 ? message.substring(0, nl) : message);
            return ApiException.badRequest(path.isEmpty() ? null : path,
                    path.isEmpty() ? "The JSON does not match the expected structure: " + simplify(shortMessage)
                            : "Field '" + path + "' has a wrong value: " + simplify(shortMessage));
        }
        if (e instanceof JsonProcessingException jpe) {
            var loc = jpe.getLocation();
            return ApiException.badRequest(null, "Malformed JSON" + (loc == null ? "" : " at line " + loc.getLineNr()
                    + ", column " + loc.getColumnNr()) + ": " + simplify(jpe.getOriginalMessage()));
        }
        return ApiException.badRequest(null, "The request body could not be read");
    }

    private static String simplify(String message) {
        if (message == null) {
            return "";
        }
        // Jackson names Java classes; the client knows JSON types only.
        int hint = message.indexOf(" (set DeserializationConfig");
        if (hint > 0) {
            message = message.substring(0, hint);
        }
        return message.replaceAll("`[a-zA-Z0-9_.$]+\\.([A-Za-z0-9_$]+)`", "$1")
                .replaceAll("\\(class [^)]*\\)", "")
                .strip();
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
