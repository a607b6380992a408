package de.kundenpuls.server.api;

import de.kundenpuls.model.Message;

/** 415: the body is not of the media type the resource reads; names the {@code Content-Type} header. */
public final class UnsupportedMediaTypeException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** @param detail which type was expected and which came */
    public UnsupportedMediaTypeException(Message detail) {
        super("Content-Type", detail, null);
    }
}
