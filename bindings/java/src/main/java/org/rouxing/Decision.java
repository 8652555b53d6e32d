package org.rouxing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;

/**
 * A decision (处罚决定 / 不予处罚决定): what is imposed or withheld, the measures and documents, with the
 * reasons. Built by {@link Rouxing#recommend} or read from an enforcement system's JSON with {@link
 * #fromJson(String)}; {@link Rouxing#review(Case, Decision, Regime)} reviews it.
 *
 * @param caseId the case number
 * @param party the party's id
 * @param item the catalogue item code, or {@code null}
 * @param decidedOn the day of the decision
 * @param disposition the disposition code (e.g. {@code no_penalty}, {@code penalty})
 * @param tier the tier decided
 * @param sanctions the penalties imposed, amounts in 分
 * @param education whether education (教育) is ordered
 * @param softMeasures the soft measures (柔性措施) codes
 * @param documents the documents to issue (执法文书) codes
 * @param procedure the procedure code ({@code summary} 简易程序 or {@code ordinary} 普通程序)
 * @param reasons the reasons in Chinese with citations ({@code null} for a decision read from JSON)
 * @param json the full decision document as the library reads and writes it
 */
public record Decision(
        String caseId,
        String party,
        String item,
        LocalDate decidedOn,
        String disposition,
        Tier tier,
        List<Sanction> sanctions,
        boolean education,
        List<String> softMeasures,
        List<String> documents,
        String procedure,
        String reasons,
        String json) {

    static Decision of(JsonNode d, String reasons) {
        return new Decision(
                d.path("case_id").asText(),
                d.path("party").asText(),
                d.hasNonNull("item") ? d.get("item").asText() : null,
                LocalDate.parse(d.path("decided_on").asText()),
                d.path("disposition").asText(),
                Tier.fromCode(d.path("tier").asText()),
                List.of(Json.as(d.path("sanctions"), Sanction[].class)),
                d.path("education").asBoolean(),
                Json.strings(d.get("soft_measures")),
                Json.strings(d.get("documents")),
                d.path("procedure").asText(),
                reasons,
                Json.write(d));
    }

    /**
     * A decision from its JSON document (as {@link #json()} writes it, or as proposed by an
     * enforcement system), checked by the library's own reader.
     *
     * @param json the document
     * @return the decision
     * @throws LoadException naming line, field and value of the first problem
     */
    public static Decision fromJson(String json) {
        return of(Json.parse(Native.decisionCheck("decision", json)), null);
    }

    /**
     * The total fine in 分 (罚款数额), 0 when none.
     *
     * @return the sum of the {@code fine} sanctions
     */
    public long fine() {
        return sanctions.stream()
                .filter(s -> "fine".equals(s.kind()) && s.amount() != null)
                .mapToLong(Sanction::amount)
                .reduce(0L, Math::addExact);
    }
}
