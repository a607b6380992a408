package de.kundenpuls.embedded;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.survey.Question;
import de.kundenpuls.model.survey.SurveyDefinition;
import de.kundenpuls.model.survey.SurveyView;

/** The demo's surveys, one per touchpoint where a question follows the smiley, created through the API. */
final class DemoSurveys {

    private DemoSurveys() {
    }

    /**
     * A survey's follow-up question as the history answers it.
     *
     * @param surveyId   the survey
     * @param questionId its question
     * @param options    its option ids, from the best experience to the worst
     */
    record Asked(String surveyId, String questionId, List<String> options) {

        /**
         * The option a customer with this rating picks.
         *
         * @param rating their smiley
         * @param queue  whether they stood in the planted queue (they waited longest)
         * @return the option id
         */
        String optionFor(int rating, boolean queue) {
            int worst = options.size() - 1;
            int index = queue ? worst : Math.min(worst, Math.max(0, (5 - rating) * worst / 4));
            return options.get(index);
        }
    }

    /**
     * Creates the surveys.
     *
     * @param marketer a marketer's client
     * @param since    when they became active (the start of the history)
     * @return the survey asked per touchpoint
     */
    static Map<String, Asked> create(KundenpulsClient marketer, Instant since) {
        Map<String, Asked> asked = new LinkedHashMap<>();
        asked.put("checkout", survey(marketer, since, "Wartezeit an der Kasse", "checkout", "wait",
                "Wie lange haben Sie an der Kasse gewartet?", "How long did you wait at the checkout?",
                List.of("short", "some", "long", "very-long"),
                List.of("unter 2 Minuten", "2–5 Minuten", "5–10 Minuten", "über 10 Minuten"),
                List.of("under 2 minutes", "2–5 minutes", "5–10 minutes", "over 10 minutes")));
        asked.put("fitting-room", survey(marketer, since, "Passform in der Umkleide", "fitting-room", "size",
                "Haben Sie Ihre Größe gefunden?", "Did you find your size?",
                List.of("yes", "after-asking", "no"),
                List.of("Ja", "Mit Hilfe des Personals", "Nein"), List.of("Yes", "With the staff's help", "No")));
        asked.put("service-desk", survey(marketer, since, "Anliegen an der Servicetheke", "service-desk", "solved",
                "Wurde Ihr Anliegen gelöst?", "Was your request solved?",
                List.of("yes", "partly", "no"), List.of("Ja", "Teilweise", "Nein"), List.of("Yes", "Partly", "No")));
        return asked;
    }

    private static Asked survey(KundenpulsClient marketer, Instant since, String name, String touchpoint, String questionId,
                                String de, String en, List<String> ids, List<String> labelsDe, List<String> labelsEn) {
        List<Question.Option> options = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            options.add(new Question.Option(ids.get(i), Map.of("de", labelsDe.get(i), "en", labelsEn.get(i))));
        }
        Question question = new Question(questionId, "single", Map.of("de", de, "en", en), options, false, null);
        SurveyView view = marketer.surveys().create(new SurveyDefinition(name, List.of(question),
                new SurveyDefinition.Targeting(List.of(), List.of(touchpoint), List.of()), since, null, false));
        return new Asked(view.id(), questionId, ids);
    }
}
