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
        if (e instanceof de.kundenpuls.model.client.FirebaseAuthSession.AuthFailedException failed) {
            String worded = Texts.t("auth." + failed.reason());
            return worded.startsWith("auth.") ? Texts.t("auth.failed", failed.reason()) : worded;
        }
        if (e instanceof UncheckedIOException) {
            return Texts.t("error.offline");
        }
        return e == null ? "" : String.valueOf(e.getMessage());
    }

    /**
     * Why the server refused an answer for good, for the shopper who gave it.
     *
     * @param problem the server's problem for that answer (may be null)
     * @return the message
     */
    public static String refused(de.kundenpuls.model.Problem problem) {
        // The one refusal a careful app still meets: two ratings within the server's anti-mashing interval.
        if (problem != null && de.kundenpuls.model.Problem.TYPE_TOO_SOON.equals(problem.type())) {
            return Texts.t("sync.tooSoon");
        }
        String reason = problem == null ? "" : problem.field() == null ? problem.detail() : problem.field() + ": " + problem.detail();
        return Texts.t("sync.refused", reason);
    }
}
