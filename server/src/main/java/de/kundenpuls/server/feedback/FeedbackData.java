package de.kundenpuls.server.feedback;

/**
 * The stored part of the feedback feature: the answer log and the per-customer index into it.
 * {@link FeedbackStore} is the feature's view of it at run time.
 */
public final class FeedbackData {

    private final AnswerLog answers = new AnswerLog();
    private final CustomerAnswers customers = new CustomerAnswers();

    AnswerLog answers() {
        return answers;
    }

    CustomerAnswers customers() {
        return customers;
    }
}
