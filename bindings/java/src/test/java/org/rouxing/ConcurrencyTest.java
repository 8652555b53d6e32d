package org.rouxing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** 100,000 cases decided from 8 threads sharing one Catalogue and Regime give exactly the serial results. */
class ConcurrencyTest {
    static final int N = 100_000;
    static final int THREADS = 8;

    @Test
    void eightThreadsAgreeWithSerial() throws Exception {
        LocalDate asOf = LocalDate.of(2026, 12, 1);
        try (Catalogue catalogue = Catalogue.bundled(); Regime regime = Regime.national()) {
            List<Case> cases = new ArrayList<>();
            for (String f : Fixtures.caseFiles()) {
                cases.add(Case.fromJson(f, Fixtures.caseText(f), catalogue));
            }
            int k = cases.size();
            String[] serial = new String[N];
            for (int i = 0; i < N; i++) {
                serial[i] = Rouxing.recommend(cases.get(i % k), regime, asOf).json();
            }
            String[] parallel = new String[N];
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int start = t;
                    done.add(pool.submit(() -> {
                        for (int i = start; i < N; i += THREADS) {
                            parallel[i] = Rouxing.recommend(cases.get(i % k), regime, asOf).json();
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            for (int i = 0; i < N; i++) {
                assertEquals(serial[i], parallel[i], "case " + i);
            }
            assertEquals(k, new java.util.HashSet<>(List.of(serial)).size(), "one decision per distinct case");
            cases.forEach(Case::close);
        }
    }
}
