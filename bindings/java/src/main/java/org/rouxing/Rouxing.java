package org.rouxing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * Deciding a case (柔性执法裁量): {@link #assess} gives the lawful set with its grounds and the
 * explanation, {@link #recommend} the most lenient lawful decision with reasons, {@link #review} the
 * legality review of any decision. Every function recomputes what the law requires from the case's
 * facts, its catalogue and the regime: no function accepts an assessment.
 *
 * <p>All methods are thread-safe; share {@link Catalogue} and {@link Regime} instances.
 *
 * <pre>{@code
 * try (Catalogue catalogue = Catalogue.bundled();
 *      Regime regime = Regime.national();
 *      Case c = Case.fromJson(json, catalogue)) {
 *     Decision d = Rouxing.recommend(c, regime, LocalDate.of(2026, 12, 1));
 *     assert d.tier() == Tier.NO_PENALTY;          // 首违不罚
 *     Review r = Rouxing.review(c, d, regime);
 *     assert r.lawful();
 * }
 * }</pre>
 */
public final class Rouxing {
    private Rouxing() {}

    /**
     * The lawful outcomes and everything the law attaches to the case on a day.
     *
     * @param c the case (with its catalogue)
     * @param regime the regime
     * @param asOf the day of deciding
     * @return the assessment
     */
    public static Assessment assess(Case c, Regime regime, LocalDate asOf) {
        return Assessment.of(c.with(k -> regime.with(r -> Native.assess(k, r, asOf.toString()))));
    }

    /**
     * The recommended decision: the most lenient lawful outcome, with reasons citing the law.
     *
     * @param c the case (with its catalogue)
     * @param regime the regime
     * @param asOf the day of deciding
     * @return the decision
     */
    public static Decision recommend(Case c, Regime regime, LocalDate asOf) {
        JsonNode doc = Json.parse(c.with(k -> regime.with(r -> Native.recommend(k, r, asOf.toString()))));
        return Decision.of(doc.path("decision"), doc.path("reasons").asText());
    }

    /**
     * The legality review (法制审核) of a decision on a case under a regime; the assessment is recomputed
     * as of the decision's date.
     *
     * @param c the case (with its catalogue)
     * @param decision the decision to review
     * @param regime the regime
     * @return the review
     */
    public static Review review(Case c, Decision decision, Regime regime) {
        return Review.of(c.with(k -> regime.with(r -> Native.review(k, r, decision.json()))));
    }

    /**
     * The legality review of a decision under the national regime.
     *
     * @param c the case (with its catalogue)
     * @param decision the decision to review
     * @return the review
     */
    public static Review review(Case c, Decision decision) {
        try (Regime r = Regime.national()) {
            return review(c, decision, r);
        }
    }

    /** Runs {@code call} with the handles of all cases held (their read locks taken). */
    static <T> T withAll(List<Case> cases, Function<long[], T> call) {
        long[] hs = new long[cases.size()];
        int held = 0;
        try {
            for (Case c : cases) {
                hs[held] = c.acquire();
                held++;
            }
            return call.apply(hs);
        } finally {
            for (int i = 0; i < held; i++) {
                cases.get(i).release();
            }
        }
    }
}
