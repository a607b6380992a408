package de.kundenpuls.app.sync;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import de.kundenpuls.model.Problem;

/**
 * Who waits to hear what became of an answer: the card that sent it says "sent" or "not counted,
 * because …" itself, instead of a thank-you next to a refusal elsewhere on the screen.
 */
public final class Deliveries {

    /**
     * What became of an answer.
     *
     * @param sent    whether the server has it (stored now or before)
     * @param problem why it was refused for good, when not sent; may be null
     */
    public record Outcome(boolean sent, Problem problem) {
    }

    private final Map<UUID, Consumer<Outcome>> watchers = new ConcurrentHashMap<>();

    /**
     * Asks to be told once what became of an answer (on the sync thread).
     *
     * @param id      the answer
     * @param watcher told the outcome
     */
    public void watch(UUID id, Consumer<Outcome> watcher) {
        watchers.put(id, watcher);
    }

    /**
     * Tells the watcher of an answer, if there is one.
     *
     * @return whether someone was told
     */
    boolean settled(UUID id, Outcome outcome) {
        Consumer<Outcome> watcher = id == null ? null : watchers.remove(id);
        if (watcher != null) {
            watcher.accept(outcome);
        }
        return watcher != null;
    }
}
