package de.kundenpuls.server.api;

import de.kundenpuls.model.Message;

/** 404: the resource does not exist. */
public final class NotFoundException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param field  the field concerned, or null
     * @param detail what went wrong
     */
    public NotFoundException(String field, Message detail) {
        super(field, detail, null);
    }
}
