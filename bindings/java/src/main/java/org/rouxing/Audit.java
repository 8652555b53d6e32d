package org.rouxing;

import java.util.List;

/** Batch supervision (执法监督) over decided cases. */
public final class Audit {
    private Audit() {}

    /**
     * Audits decided cases under the national regime.
     *
     * @param cases the cases with their decisions
     * @return the report
     */
    public static AuditReport run(List<DecidedCase> cases) {
        try (Regime r = Regime.national()) {
            return run(cases, r);
        }
    }

    /**
     * Audits decided cases: each assessment is recomputed from the case, its catalogue and the regime as
     * of the decision's date.
     *
     * @param cases the cases with their decisions
     * @param regime the regime
     * @return the report
     * @throws LoadException if a decision does not load
     */
    public static AuditReport run(List<DecidedCase> cases, Regime regime) {
        int n = cases.size();
        String[] decisions = new String[n];
        for (int i = 0; i < n; i++) {
            decisions[i] = cases.get(i).decision().json();
        }
        return AuditReport.of(Rouxing.withAll(cases.stream().map(DecidedCase::facts).toList(), hs ->
                regime.with(r -> Native.audit(hs, decisions, r))));
    }
}
