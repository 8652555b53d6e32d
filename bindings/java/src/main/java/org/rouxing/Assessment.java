package org.rouxing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;

/**
 * What the law attaches to a case on a day (法律适用评估): the lawful set, duties, the limitation period
 * and the explanation in Chinese with every citation (《中华人民共和国行政处罚法》第X条第Y款).
 *
 * @param caseId the case number
 * @param asOf the day of deciding the law was applied on
 * @param factsEstablished whether the facts are established (Art. 40)
 * @param lawful the lawful outcomes, lightest first
 * @param duties the duties attached (e.g. {@code correction_order}, {@code education})
 * @param limitation the limitation period
 * @param explanation the explanation, rule by rule, in Chinese
 * @param json the full assessment document as the library writes it
 */
public record Assessment(
        String caseId,
        LocalDate asOf,
        boolean factsEstablished,
        List<LawfulOption> lawful,
        List<String> duties,
        Limitation limitation,
        String explanation,
        String json) {

    static Assessment of(String doc) {
        JsonNode root = Json.parse(doc);
        JsonNode a = root.path("assessment");
        return new Assessment(
                a.path("case_id").asText(),
                LocalDate.parse(a.path("as_of").asText()),
                a.path("facts_established").asBoolean(),
                List.of(Json.as(a.path("lawful"), LawfulOption[].class)),
                Json.strings(a.get("duties")),
                Json.as(a.path("limitation"), Limitation.class),
                root.path("explanation").asText(),
                Json.write(a));
    }

    /**
     * The tiers of the lawful set, lightest first.
     *
     * @return the tiers
     */
    public List<Tier> tiers() {
        return lawful.stream().map(LawfulOption::tier).toList();
    }
}
