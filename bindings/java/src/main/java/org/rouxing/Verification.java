package org.rouxing;

/**
 * What {@link CaseFile#verify(VerifyingKey, Checkpoint)} verified (案卷校验结果).
 *
 * @param caseId the case number
 * @param events the number of events in the file
 * @param head the file's head digest
 * @param sealed whether the file carries its seal (封存)
 * @param sealVerified whether the seal's signature was verified (sealed, and keys given)
 * @param checkpointEvents the events the checkpoint covers, or {@code null} without a checkpoint
 */
public record Verification(
        String caseId, long events, String head, boolean sealed, boolean sealVerified, Long checkpointEvents) {}
