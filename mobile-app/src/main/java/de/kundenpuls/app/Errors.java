package de.kundenpuls.app;

import java.io.UncheckedIOException;

import de.kundenpuls.app.i18n.Texts;
import de.kundenpuls.model.client.ApiException;

/** Failures in words a shopper or staff member understands, naming the field when there is one. */
public final class Errors {

    private Errors() {
    }

    /**
     * @param e the failure
     * @return the message
     */
    public static String inWords(Throwable e) {
        if (e instanceof ApiException api) {
            if (api.status() == 404) {
                return Texts.t("error.notFound");
            }
            String field = api.problem() == null ? null : api.problem().field();
            String detail = api.problem() == null ? api.getMessage() : api.problem().detail();
            return field == null ? detail : field + ": " + detail;
        }
        if (e instanceof UncheckedIOException) {
            return Texts.t("error.offline");
        }
        return e == null ? "" : String.valueOf(e.getMessage());
    }
}
