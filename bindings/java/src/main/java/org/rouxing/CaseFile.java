package org.rouxing;

/**
 * A case file (全过程记录 / 留痕, 《中华人民共和国行政处罚法》第四十七条): an append-only, lifecycle-checked,
 * SHA-256 hash-chained record of every step of a case, exported as JSON Lines.
 *
 * <p>Thread-safe: appends are serialized. The chain proves the file unchanged since it was written,
 * not who wrote it: keep a signed {@link Checkpoint} (or {@link #head()}) where the file's custodian
 * cannot rewrite it, and {@link #verify(VerifyingKey, Checkpoint)} against it.
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
     * Verifies the file against the verifying key and the checkpoint the embedding system kept: the
     * hash chain, the seal (封存) when the file is sealed, the checkpoint's signature, and that the file
     * extends the checkpoint.
     *
     * @param key the verifying key
     * @param expected the checkpoint kept outside the file
     * @return what was verified
     * @throws IntegrityException naming what fails: {@code tail cut: …} when events after the checkpoint's
     *     were removed (even with a new closing line), {@code rewritten: …} when an event it covers was
     *     changed and the chain recomputed, {@code signature rejected: …}, or a broken chain
     */
    public Verification verify(VerifyingKey key, Checkpoint expected) {
        return verify(java.util.List.of(key), expected, null);
    }

    /**
     * Verifies the file with any number of verifying keys (old and new after a rotation), an optional
     * checkpoint and an optional day of verification, after which no event may be dated.
     *
     * @param keys the verifying keys (may be empty when there is no checkpoint)
     * @param expected the checkpoint kept outside the file, or {@code null}
     * @param asOf the day of verification, or {@code null}
     * @return what was verified
     * @throws IntegrityException naming the check that fails
     * @throws InputException when a checkpoint is given without keys
     */
    public Verification verify(java.util.List<VerifyingKey> keys, Checkpoint expected, java.time.LocalDate asOf) {
        String[] ids = new String[keys.size()];
        byte[] publics = new byte[32 * keys.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = keys.get(i).keyId();
            System.arraycopy(keys.get(i).publicKey(), 0, publics, 32 * i, 32);
        }
        String cp = expected == null ? null : expected.json();
        String day = asOf == null ? null : asOf.toString();
        String report = with(h -> Native.caseFileVerifyWith(h, ids, publics, cp, day));
        return Json.as(Json.parse(report), Verification.class);
    }

    /**
     * A signed checkpoint of the file as it is now, to store or publish outside the file.
     *
     * @param key the agency's signing key
     * @return the checkpoint
     */
    public Checkpoint checkpoint(SigningKey key) {
        return Checkpoint.of(with(h -> Native.caseFileCheckpoint(h, key.keyId(), key.seed())));
    }

    /**
     * Seals the closed case (封存): appends the signed checkpoint of the closed file as its last event.
     *
     * @param on the day of sealing
     * @param key the agency's signing key
     * @return the seal's checkpoint, to store outside the file as well
     * @throws InputException before 结案, or for a day before the closing
     */
    public Checkpoint seal(java.time.LocalDate on, SigningKey key) {
        return Checkpoint.of(with(h -> Native.caseFileSeal(h, on.toString(), key.keyId(), key.seed())));
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
