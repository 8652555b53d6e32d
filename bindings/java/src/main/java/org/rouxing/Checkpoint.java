package org.rouxing;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A signed checkpoint of a case file (检查点): "case {@code caseId}, after {@code events} events, has head
 * {@code head}", signed with the agency's key. Store or publish it outside the case file; later
 * {@link CaseFile#verify(VerifyingKey, Checkpoint)} proves that a file extends it, naming a tail cut
 * apart from a rewrite.
 *
 * <p>On the wire: {@code {"case_id":"2025-001","events":12,"head":"<64 hex>","algorithm":"ed25519",
 * "key_id":"amr-2025","signature":"<128 hex>"}}.
 *
 * @param caseId the case number
 * @param events the number of events covered
 * @param head the digest after those events (64 hex digits)
 * @param algorithm the signature algorithm ({@code ed25519})
 * @param keyId the signing key's id
 * @param signature the signature (hex)
 * @param json the checkpoint's JSON, as the library writes it
 */
public record Checkpoint(
        String caseId, long events, String head, String algorithm, String keyId, String signature, String json) {

    /**
     * Loads a checkpoint from its JSON form.
     *
     * @param json the checkpoint as stored or published
     * @return the checkpoint
     * @throws LoadException naming line and field when it does not load
     */
    public static Checkpoint fromJson(String json) {
        return of(Native.checkpointLoad(json));
    }

    static Checkpoint of(String text) {
        JsonNode n = Json.parse(text);
        return new Checkpoint(
                n.path("case_id").asText(),
                n.path("events").asLong(),
                n.path("head").asText(),
                n.path("algorithm").asText(),
                n.path("key_id").asText(),
                n.path("signature").asText(),
                Json.write(n));
    }

    /**
     * The JSON form, to store or publish.
     *
     * @return the JSON
     */
    public String toJson() {
        return json;
    }
}
