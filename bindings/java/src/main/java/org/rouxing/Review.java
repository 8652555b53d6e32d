package org.rouxing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The legality review (法制审核, 《中华人民共和国行政处罚法》第五十八条) of a decision on a case, the
 * assessment recomputed from the facts.
 *
 * @param caseId the case number
 * @param findings the findings, most severe first
 * @param lawful whether no finding is of severity 违法
 * @param passes whether nothing above 提示 was found (the decision can pass as it stands)
 * @param text the review in Chinese, finding by finding with citations
 * @param json the full review document
 */
public record Review(String caseId, List<Finding> findings, boolean lawful, boolean passes, String text, String json) {

    static Review of(String doc) {
        JsonNode root = Json.parse(doc);
        JsonNode r = root.path("review");
        return new Review(
                r.path("case_id").asText(),
                List.of(Json.as(r.path("findings"), Finding[].class)),
                root.path("lawful").asBoolean(),
                root.path("passes").asBoolean(),
                root.path("text").asText(),
                Json.write(r));
    }

    /**
     * Whether a finding with this code was made.
     *
     * @param code the finding code
     * @return whether it was made
     */
    public boolean has(String code) {
        return findings.stream().anyMatch(f -> f.code().equals(code));
    }
}
