package de.kundenpuls.server.api;

import java.util.Locale;

import de.kundenpuls.server.api.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/** Which language a request wants: {@code ?lang=}, else {@code Accept-Language}, else German. */
public final class Languages {

    private Languages() {
    }

    /**
     * The request's language.
     *
     * @param req the request
     * @return {@code de} or {@code en}
     */
    public static String of(ServerRequest req) {
        var lang = req.query().first("lang");
        if (lang.isPresent()) {
            String value = lang.get().toLowerCase(Locale.ROOT);
            if (!value.equals("de") && !value.equals("en")) {
                throw ApiException.badRequest("lang", "must be de or en");
            }
            return value;
        }
        return req.headers().first(HeaderNames.ACCEPT_LANGUAGE)
                .map(v -> v.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "de")
                .orElse("de");
    }
}
