package de.kundenpuls.model.campaign;

/**
 * The answer to a push event (a notification opened) reported by the app.
 *
 * @param recorded false when it was not this shopper's message or was counted already
 */
public record PushEventResult(boolean recorded) {
}
