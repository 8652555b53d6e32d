package org.rouxing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The statistics table (柔性执法统计表): one row per reporting unit and a last row {@code 合计}, keyed by
 * the column codes; counts are integers and amounts integer 分.
 *
 * @param rows the rows, the total last
 * @param csv the table as CSV for Excel (BOM, CRLF)
 * @param markdown the table as Markdown
 * @param json the full table document
 */
public record StatisticsTable(List<Map<String, Object>> rows, String csv, String markdown, String json) {

    static StatisticsTable of(String doc) {
        JsonNode root = Json.parse(doc);
        return new StatisticsTable(
                Json.objects(root.get("rows")),
                root.path("csv").asText(),
                root.path("markdown").asText(),
                Json.write(root.path("table")));
    }

    /**
     * The total row (合计).
     *
     * @return the last row
     */
    public Map<String, Object> total() {
        return rows.get(rows.size() - 1);
    }
}
