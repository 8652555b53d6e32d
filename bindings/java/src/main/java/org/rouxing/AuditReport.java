package org.rouxing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Batch supervision (执法监督) over decided cases: 同案不同罚 (consistency), 首违不罚 granted more than
 * once in the window, leniency outliers among officers or units, and no-penalty outcomes on the safety
 * baseline. Entries are as the library writes them.
 *
 * @param consistency divergent outcomes for the same facts (同事不同罚)
 * @param repeatedFirstViolation parties granted 首违不罚 more than once in the window
 * @param outliers officers or units whose leniency rate is an outlier
 * @param baselineExemptions no-penalty outcomes on items of the safety baseline
 * @param text the report in Chinese
 * @param json the full report document
 */
public record AuditReport(
        List<Map<String, Object>> consistency,
        List<Map<String, Object>> repeatedFirstViolation,
        List<Map<String, Object>> outliers,
        List<Map<String, Object>> baselineExemptions,
        String text,
        String json) {

    static AuditReport of(String doc) {
        JsonNode root = Json.parse(doc);
        JsonNode r = root.path("report");
        return new AuditReport(
                Json.objects(r.get("consistency")),
                Json.objects(r.get("repeated_first_violation")),
                Json.objects(r.get("outliers")),
                Json.objects(r.get("baseline_exemptions")),
                root.path("text").asText(),
                Json.write(r));
    }

    /**
     * Whether nothing was flagged.
     *
     * @return whether all four lists are empty
     */
    public boolean isEmpty() {
        return consistency.isEmpty() && repeatedFirstViolation.isEmpty() && outliers.isEmpty()
                && baselineExemptions.isEmpty();
    }
}
