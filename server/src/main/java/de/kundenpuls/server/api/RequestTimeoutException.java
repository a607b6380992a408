package de.kundenpuls.server.api;

import de.kundenpuls.model.Message;

/** 408: the body did not arrive in time. */
public final class RequestTimeoutException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** @param detail how long the server waited */
    public RequestTimeoutException(Message detail) {
        super("body", detail, null);
    }
}
