package org.rouxing;

/** An argument is out of range (参数错误): an unknown regime name, a malformed date, a report period that ends before it starts, or a case-file step that the lifecycle forbids (with the provision it breaks). */
public final class InputException extends RouxingException {
    private static final long serialVersionUID = 1L;

    /**
     * An error with the library's message.
     *
     * @param message the message, exactly as the library gives it
     */
    public InputException(String message) {
        super(message);
    }
}
