package de.kundenpuls.server.push;

import java.util.List;

/** Sends push messages; the campaign engine and recovery offers depend on this port only. */
public interface PushGateway {

    /**
     * Sends messages and reports one outcome per message, in order.
     *
     * @param messages the messages
     * @return the outcomes
     */
    List<PushOutcome> send(List<PushMessage> messages);
}
