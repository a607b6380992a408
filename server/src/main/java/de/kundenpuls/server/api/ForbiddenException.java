package de.kundenpuls.server.api;

import de.kundenpuls.model.Message;

/** 403: the caller is known, but their role or store does not allow this. */
public final class ForbiddenException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** @param detail why not */
    public ForbiddenException(Message detail) {
        super(null, detail, null);
    }
}
