package de.kundenpuls.server.feedback;

import de.kundenpuls.server.storage.Transaction;

/** Hears of every accepted answer inside the commit that stores it (service recovery does). */
@FunctionalInterface
public interface AnswerListener {

    /**
     * Called on the writer thread for each accepted answer.
     *
     * @param entry the stored answer
     * @param tx    the transaction it is part of
     */
    void accepted(FeedbackEntry entry, Transaction tx);
}
