package org.rouxing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Audit.run over decided cases and Report.tabulate over their decisions. */
class AuditReportTest {
    @Test
    void auditAndTabulateTheBundledCases() {
        LocalDate asOf = LocalDate.of(2026, 12, 1);
        try (Catalogue catalogue = Catalogue.bundled(); Regime regime = Regime.national()) {
            List<DecidedCase> decided = new ArrayList<>();
            List<Decision> decisions = new ArrayList<>();
            for (String f : Fixtures.caseFiles()) {
                Case c = Case.fromJson(f, Fixtures.caseText(f), catalogue);
                Decision d = Rouxing.recommend(c, regime, asOf);
                decided.add(new DecidedCase(c, d));
                decisions.add(d);
            }
            AuditReport report = Audit.run(decided, regime);
            assertFalse(report.text().isEmpty());
            assertTrue(report.text().startsWith("同事不同罚：" + report.consistency().size() + "组"), report.text());

            StatisticsTable t = Report.tabulate(decisions, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
            Map<String, Object> total = t.total();
            assertEquals("合计", total.get("unit"));
            assertEquals(decisions.size(), ((Number) total.get("total_cases")).intValue());
            long noPenalty = decisions.stream().filter(d -> d.disposition().equals("no_penalty")).count();
            assertEquals(noPenalty, ((Number) total.get("no_penalty")).longValue());
            assertTrue(t.csv().contains("合计"));
            decided.forEach(dc -> dc.facts().close());
        }
    }
}
