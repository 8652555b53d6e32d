package org.rouxing;

/** A document (catalogue, regime, case, decision, case-file event or export) did not load (文书载入错误): the message is the loader's, naming file, line, column, field and value. */
public final class LoadException extends RouxingException {
    private static final long serialVersionUID = 1L;

    /**
     * An error with the library's message.
     *
     * @param message the message, exactly as the library gives it
     */
    public LoadException(String message) {
        super(message);
    }
}
