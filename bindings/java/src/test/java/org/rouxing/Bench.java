package org.rouxing;

import java.time.LocalDate;

/**
 * Per-call overhead of the JNI binding against the Rust call (not a test; not run in CI).
 *
 * <pre>
 * cd bindings/java &amp;&amp; mvn -q -DskipTests test-compile exec:java \
 *     -Dexec.mainClass=org.rouxing.Bench -Dexec.classpathScope=test
 * </pre>
 *
 * It times {@code Rouxing.recommend} (JNI call, JSON out, Java records in) and the same assess +
 * recommend + JSON inside Rust, over the bundled Art. 32 case, after a warm-up.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) {
        int n = Integer.getInteger("rouxing.bench.n", 200_000);
        LocalDate asOf = LocalDate.of(2026, 12, 1);
        try (Catalogue catalogue = Catalogue.bundled(); Regime regime = Regime.national();
                Case c = Case.fromJson(Fixtures.caseText("art32-mitigation.json"), catalogue)) {
            long sink = 0;
            for (int i = 0; i < n / 4; i++) {
                sink += Rouxing.recommend(c, regime, asOf).fine();
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += Rouxing.recommend(c, regime, asOf).fine();
            }
            long java = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += Native.recommend(c.acquire(), regime.acquire(), "2026-12-01").length();
                c.release();
                regime.release();
            }
            long raw = System.nanoTime() - t1;
            long rust = c.with(k -> regime.with(r -> Native.rustRecommendNanos(k, r, "2026-12-01", n)));
            System.out.printf("calls: %d (sink %d)%n", n, sink);
            System.out.printf("Rust assess+recommend+JSON, in Rust: %8.2f us/call%n", rust / 1e3 / n);
            System.out.printf("JNI call returning the JSON string : %8.2f us/call%n", raw / 1e3 / n);
            System.out.printf("Rouxing.recommend (JNI + records)  : %8.2f us/call%n", java / 1e3 / n);
            System.out.printf("JNI overhead %.2f us, records %.2f us per call%n",
                    (raw - rust) / 1e3 / n, (java - raw) / 1e3 / n);
        }
    }
}
