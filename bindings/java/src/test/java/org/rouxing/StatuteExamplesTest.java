package org.rouxing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statute examples (under 14, 首违不罚, Art. 32, limitation, Art. 37) give the lawful sets, the
 * recommendation and the citations that the Rust API gives: the table is checked against the Rust API
 * by the Rust test {@code bindings/core/tests/statute_examples.rs}.
 */
class StatuteExamplesTest {
    static Catalogue catalogue;
    static Regime regime;

    @BeforeAll
    static void load() {
        catalogue = Catalogue.bundled();
        regime = Regime.national();
    }

    @AfterAll
    static void close() {
        catalogue.close();
        regime.close();
    }

    @Test
    void everyExampleDecidesAsTheRustApi() {
        JsonNode examples = Fixtures.statuteExamples();
        assertEquals(5, examples.size());
        for (JsonNode ex : examples) {
            String file = ex.path("file").asText();
            LocalDate asOf = LocalDate.parse(ex.path("as_of").asText());
            try (Case c = Case.fromJson(file, Fixtures.caseText(file), catalogue)) {
                Assessment a = Rouxing.assess(c, regime, asOf);
                List<Tier> expected = new ArrayList<>();
                ex.path("lawful").forEach(t -> expected.add(Tier.fromCode(t.asText())));
                assertEquals(expected, a.tiers(), file);
                assertTrue(a.explanation().contains(ex.path("cites").asText()), file + " cites");
                assertTrue(a.explanation().contains("《中华人民共和国行政处罚法》"), file);

                Decision d = Rouxing.recommend(c, regime, asOf);
                assertEquals(Tier.fromCode(ex.path("recommended").asText()), d.tier(), file);
                assertEquals(ex.path("fine").asLong(), d.fine(), file);
                assertTrue(a.tiers().contains(d.tier()), file + ": recommend stays in the lawful set");
                assertFalse(d.reasons().isEmpty(), file);

                Review r = Rouxing.review(c, d, regime);
                assertTrue(r.lawful(), file + ": " + r.text());
            }
        }
    }

    @Test
    void firstViolationIsNotPunished() {
        // README example: the bundled 首违不罚 case.
        try (Catalogue catalogue = Catalogue.bundled();
                Regime regime = Regime.national();
                Case c = Case.fromJson(Fixtures.caseText("first-violation.json"), catalogue)) {
            Decision d = Rouxing.recommend(c, regime, LocalDate.of(2026, 12, 1));
            System.out.println(d.tier().chinese() + " " + d.documents());   // 不予处罚 [no_penalty_notice, …]
            System.out.println(d.reasons());                               // …第三十三条第一款…
            Review r = Rouxing.review(c, d, regime);                        // 法制审核, assessment recomputed
            assertEquals(Tier.NO_PENALTY, d.tier());
            assertTrue(d.sanctions().isEmpty() && d.education());
            assertTrue(r.lawful() && r.passes(), r.text());
        }
    }

    @Test
    void anOverrideOutsideTheLawfulSetIsUnlawful() {
        try (Case c = Case.fromJson(Fixtures.caseText("first-violation.json"), catalogue)) {
            Decision d = Rouxing.recommend(c, regime, LocalDate.of(2026, 12, 1));
            // The officer fines the first violation at the ordinary tier anyway: 首违不罚 is "shall" here.
            String fined = d.json()
                    .replace("\"tier\":\"no_penalty\"", "\"tier\":\"ordinary\"")
                    .replace("\"disposition\":\"no_penalty\"", "\"disposition\":\"penalty\"")
                    .replace("\"sanctions\":[]", "\"sanctions\":[{\"kind\":\"fine\",\"amount\":\"5000.00\"}]");
            Decision proposal = Decision.fromJson(fined);
            assertEquals(500000, proposal.fine());
            Review r = Rouxing.review(c, proposal, regime);
            assertFalse(r.lawful(), r.text());
            assertTrue(r.has("penalty_despite_mandatory_no_penalty") || r.has("above_lawful_set"), r.text());
        }
    }

    @Test
    void decisionRoundTripsThroughJson() {
        try (Case c = Case.fromJson(Fixtures.caseText("art32-mitigation.json"), catalogue)) {
            Decision d = Rouxing.recommend(c, regime, LocalDate.of(2026, 12, 1));
            Decision back = Decision.fromJson(d.json());
            assertEquals(Json.parse(d.json()), Json.parse(back.json()));
            assertEquals(10000, back.fine());
            assertEquals(Tier.MITIGATED, back.tier());
        }
    }
}
