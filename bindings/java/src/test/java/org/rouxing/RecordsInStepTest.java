package org.rouxing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Java records are projections of the library's documents: every component (in snake_case) is a
 * field of the document the library writes, so a renamed or removed field fails here. Components the
 * binding adds beside the document ({@code json}, the rendered texts, the review verdicts) are listed.
 */
class RecordsInStepTest {

    static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    static void check(Class<?> record, JsonNode doc, Set<String> added) {
        List<String> missing = new ArrayList<>();
        for (RecordComponent rc : record.getRecordComponents()) {
            String name = snake(rc.getName());
            if (!added.contains(name) && !doc.has(name)) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), record.getSimpleName() + " components not in the document: " + missing
                + " (document fields: " + iterable(doc) + ")");
    }

    static List<String> iterable(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void recordsMatchTheDocuments() {
        LocalDate asOf = LocalDate.of(2026, 12, 1);
        try (Catalogue catalogue = Catalogue.bundled(); Regime regime = Regime.national();
                Case c = Case.fromJson(Fixtures.caseText("art32-mitigation.json"), catalogue)) {
            Assessment a = Rouxing.assess(c, regime, asOf);
            JsonNode an = Json.parse(a.json());
            check(Assessment.class, an, Set.of("json", "explanation"));
            check(LawfulOption.class, an.path("lawful").get(0), Set.of());
            check(FineBand.class, an.path("lawful").get(0).path("fine_band"), Set.of());
            check(Limitation.class, an.path("limitation"), Set.of());
            Decision d = Rouxing.recommend(c, regime, asOf);
            JsonNode dn = Json.parse(d.json());
            // `reasons` is the rendered text beside the document's structured `reasons`.
            check(Decision.class, dn, Set.of("json"));
            check(Sanction.class, dn.path("sanctions").get(0), Set.of());
            Review r = Rouxing.review(c, d, regime);
            check(Review.class, Json.parse(r.json()), Set.of("json", "text", "lawful", "passes"));
            AuditReport ar = Audit.run(List.of(new DecidedCase(c, d)), regime);
            check(AuditReport.class, Json.parse(ar.json()), Set.of("json", "text"));
        }
    }

    /**
     * Every record component is also a property of the checked-in JSON Schema of its document
     * ({@code schema/} at the repository root): the top-level schema or one of its {@code $defs}.
     * Skipped only while the repository has no schemas at all.
     */
    @Test
    void recordsMatchTheCheckedInSchemas() throws Exception {
        Path dir = Path.of(System.getProperty("rouxing.schema", "../../schema"));
        if (!Files.exists(dir.resolve("decision.schema.json"))) {
            return;
        }
        String[][] rows = {
            {"assessment", "", "Assessment"},
            {"assessment", "TierOption", "LawfulOption"},
            {"assessment", "FineBounds", "FineBand"},
            {"assessment", "Limitation", "Limitation"},
            {"decision", "", "Decision"},
            {"decision", "Sanction", "Sanction"},
            {"review", "", "Review"},
            {"audit_report", "", "AuditReport"},
        };
        Set<String> added = Set.of("json", "explanation", "text", "lawful", "passes");
        for (String[] row : rows) {
            JsonNode schema = Json.parse(Files.readString(dir.resolve(row[0] + ".schema.json")));
            JsonNode node = row[1].isEmpty() ? schema : schema.path("$defs").path(row[1]);
            assertTrue(node.has("properties"), row[0] + " " + row[1] + " has no properties");
            check(Class.forName("org.rouxing." + row[2]), node.path("properties"), added);
        }
    }
}
