package de.kundenpuls.model.campaign;

/**
 * The result of a test send: every variant of a campaign, in the sender's own language, to the
 * devices the sender registered with their own account, and to nobody else.
 *
 * @param devices  the sender's registered devices
 * @param messages messages handed to the push service (variants × devices)
 * @param sent     of those, accepted
 */
public record TestSend(int devices, int messages, int sent) {
}
