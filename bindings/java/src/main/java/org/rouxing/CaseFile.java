package org.rouxing;

/**
 * A case file (全过程记录 / 留痕, 《中华人民共和国行政处罚法》第四十七条): an append-only, lifecycle-checked,
 * SHA-256 hash-chained record of every step of a case, exported as JSON Lines.
 *
 * <p>Thread-safe: appends are serialized. The chain proves the file unchanged since it was written;
 * keep {@link #head()} where the file's custodian cannot rewrite it and compare it on import.
 */
public final class CaseFile extends NativeHandle {
    private CaseFile(long h) {
        super(h, Native::caseFileFree, "case file");
    }

    /**
     * An empty case file for a case number (案号).
     *
     * @param caseId the case number
     * @return the case file
     * @throws InputException for an empty or malformed case number
     */
    public static CaseFile create(String caseId) {
        return new CaseFile(Native.caseFileNew(caseId));
    }

    /**
     * Imports a JSON Lines export: verifies the chain and replays every step through the lifecycle.
     *
     * @param jsonl the export
     * @return the case file
     * @throws LoadException naming the first line that was changed, removed, inserted or reordered
     */
    public static CaseFile fromJsonl(String jsonl) {
        return new CaseFile(Native.caseFileFromJsonl(jsonl));
    }

    /**
     * Appends one step, e.g. {@code {"on":"2025-03-03","stage":"filed","approved_by":"HEAD-1"}}.
     *
     * @param eventJson the event document
     * @return the new head digest (64 hex digits)
     * @throws LoadException if the event does not parse
     * @throws InputException if the lifecycle forbids the step (the message names the provision)
     */
    public String append(String eventJson) {
        return with(h -> Native.caseFileAppend(h, eventJson));
    }

    /**
     * Recomputes the hash chain.
     *
     * @throws IntegrityException naming the first entry where it breaks
     */
    public void verify() {
        with(h -> {
            Native.caseFileVerify(h);
            return null;
        });
    }

    /**
     * The head digest (64 hex digits).
     *
     * @return the digest of the last entry (or of the header when empty)
     */
    public String head() {
        return with(Native::caseFileHead);
    }

    /**
     * The number of entries.
     *
     * @return the number of steps recorded
     */
    public int size() {
        return with(Native::caseFileLen);
    }

    /**
     * The JSON Lines export: a header line, one line per entry, a closing line.
     *
     * @return the export
     */
    public String toJsonl() {
        return with(Native::caseFileJsonl);
    }
}
