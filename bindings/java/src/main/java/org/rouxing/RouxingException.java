package org.rouxing;

/**
 * An error from rouxing (错误). The message is exactly the library's: for a document that does not
 * load it names the file, line, column, field and value, e.g. {@code case.json line 3 column 14,
 * field `discovered_on`: invalid date `2026-02-30`: expected YYYY-MM-DD}.
 *
 * <p>Subclasses say what kind of problem it is: {@link LoadException} (a document did not load),
 * {@link InputException} (an argument is out of range), {@link IntegrityException} (a case file's
 * hash chain does not verify). A plain {@code RouxingException} is an internal failure, such as a
 * panic inside the native library caught at the boundary: the JVM is never aborted.
 */
public class RouxingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An error with the library's message.
     *
     * @param message the message, exactly as the library gives it
     */
    public RouxingException(String message) {
        super(message);
    }
}
