package de.kundenpuls.server.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import de.kundenpuls.model.ProblemCode;
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
                throw ApiException.badRequest("lang", ProblemCode.NOT_ONE_OF, "de, en");
            }
            return value;
        }
        return accepted(req).orElse("de");
    }

    /**
     * The language in which a request reads texts meant for people (problem details and titles,
     * audit notes): German when its {@code Accept-Language} prefers German, else English, the
     * language of the API.
     *
     * @param req the request
     * @return {@link Locale#GERMAN} or {@link Locale#ROOT} (English)
     */
    public static Locale readerLocale(ServerRequest req) {
        return accepted(req).filter("de"::equals).map(de -> Locale.GERMAN).orElse(Locale.ROOT);
    }

    /**
     * The language of ours that a request's {@code Accept-Language} prefers, weights and all: the
     * one parser of that header on the server.
     *
     * @param req the request
     * @return {@code de} or {@code en}; empty when the header is missing, malformed or names neither
     */
    public static Optional<String> accepted(ServerRequest req) {
        return req.headers().first(HeaderNames.ACCEPT_LANGUAGE).flatMap(Languages::fromHeader);
    }

    /**
     * @param header an {@code Accept-Language} value, e.g. {@code en-GB;q=0.4, de-DE}
     * @return {@code de} or {@code en}; empty when malformed or naming neither
     */
    static Optional<String> fromHeader(String header) {
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(header), SUPPORTED);
            return Optional.ofNullable(tag);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static final List<String> SUPPORTED = List.of("de", "en");
}
