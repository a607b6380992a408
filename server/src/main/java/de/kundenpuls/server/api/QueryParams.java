package de.kundenpuls.server.api;

import de.kundenpuls.model.ProblemCode;
import io.helidon.webserver.http.ServerRequest;

/** Query parameters read the one way the API words their errors: the parameter named, nothing assumed. */
public final class QueryParams {

    private QueryParams() {
    }

    /**
     * A whole-number query parameter.
     *
     * @param req      the request
     * @param name     the parameter
     * @param fallback its value when it is missing or blank
     * @param min      the smallest allowed
     * @param max      the largest allowed
     * @return the value
     * @throws InvalidRequestException naming the parameter when it is no whole number or out of range
     */
    public static int wholeNumber(ServerRequest req, String name, int fallback, int min, int max) {
        String raw = req.query().first(name).orElse(null);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < min || value > max) {
                throw ApiException.badRequest(name, ProblemCode.OUT_OF_RANGE, min, max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, ProblemCode.NOT_A_WHOLE_NUMBER);
        }
    }
}
