package de.kundenpuls.server.api;

import de.kundenpuls.model.Message;

/** 503: a part the request needs is not set up or not reachable; nothing was changed. */
public final class ServiceUnavailableException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** @param detail which part, and what it needs */
    public ServiceUnavailableException(Message detail) {
        super(null, detail, null);
    }
}
