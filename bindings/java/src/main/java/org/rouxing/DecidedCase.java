package org.rouxing;

/**
 * A case with its decision (已决案件), the unit of batch supervision. The assessment is never carried:
 * {@link Audit#run} recomputes it from the case, its catalogue and the regime.
 *
 * @param facts the case
 * @param decision the decision made on it
 */
public record DecidedCase(Case facts, Decision decision) {}
