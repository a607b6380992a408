package de.kundenpuls.model.client;

import de.kundenpuls.model.Problem;

/** The server answered with a problem (4xx/5xx). */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Problem problem;

    /**
     * Creates the exception.
     *
     * @param status  HTTP status
     * @param problem the problem body (a synthetic one when the server sent none)
     */
    public ApiException(int status, Problem problem) {
        super(status + " " + problem.title() + (problem.detail() == null ? "" : ": " + problem.detail())
                + (problem.field() == null ? "" : " [" + problem.field() + "]"));
        this.status = status;
        this.problem = problem;
    }

    /** HTTP status. */
    public int status() {
        return status;
    }

    /** The problem body. */
    public Problem problem() {
        return problem;
    }
}
