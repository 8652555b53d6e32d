package org.rouxing;

/** A case file's hash chain does not verify (全过程记录校验失败): the message names the first entry where it breaks. */
public final class IntegrityException extends RouxingException {
    private static final long serialVersionUID = 1L;

    /**
     * An error with the library's message.
     *
     * @param message the message, exactly as the library gives it
     */
    public IntegrityException(String message) {
        super(message);
    }
}
