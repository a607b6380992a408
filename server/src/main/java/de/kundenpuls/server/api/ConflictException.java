package de.kundenpuls.server.api;

import de.kundenpuls.model.Message;

/** 409: the request conflicts with the current state. */
public final class ConflictException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param field  the field concerned, or null
     * @param detail what went wrong
     */
    public ConflictException(String field, Message detail) {
        super(field, detail, null);
    }
}
