package de.kundenpuls.model.client;

import java.util.List;

import de.kundenpuls.model.survey.SurveyDefinition;
import de.kundenpuls.model.survey.SurveyView;

/** Survey definitions ({@code /api/surveys}), versioned on every change. */
public final class SurveysApi {

    private final KundenpulsClient client;

    SurveysApi(KundenpulsClient client) {
        this.client = client;
    }

    /** The latest version of every survey. */
    public List<SurveyView> list() {
        return client.get("/api/surveys", Surveys.class).items();
    }

    /**
     * Creates a survey (version 1).
     *
     * @param definition questions and targeting
     * @return it
     */
    public SurveyView create(SurveyDefinition definition) {
        return client.send("POST", "/api/surveys", definition, SurveyView.class);
    }

    /**
     * Saves a new version; answers keep pointing at the version they were given to.
     *
     * @param id         the survey
     * @param definition the new version
     * @return it
     */
    public SurveyView update(String id, SurveyDefinition definition) {
        return client.send("PUT", "/api/surveys/" + id, definition, SurveyView.class);
    }

    /**
     * One version of a survey.
     *
     * @param id      the survey
     * @param version its version
     * @return it
     */
    public SurveyView version(String id, int version) {
        return client.get("/api/surveys/" + id + "/versions/" + version, SurveyView.class);
    }

    /**
     * The body of the survey list.
     *
     * @param items the surveys
     */
    public record Surveys(List<SurveyView> items) {
    }
}
