package de.kundenpuls.server.api;

import de.kundenpuls.model.Message;

/** 400: a field or the request as a whole is wrong. */
public final class InvalidRequestException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param field  the field concerned, or null
     * @param detail what went wrong
     */
    public InvalidRequestException(String field, Message detail) {
        super(field, detail, null);
    }
}
