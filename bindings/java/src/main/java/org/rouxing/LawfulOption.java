package org.rouxing;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Map;

/**
 * One member of the lawful set (可选择的合法处理结果): a tier, whether the law requires it (应当), offers
 * it as one of required alternatives, or permits it (可以), its fine band and the grounds for it.
 *
 * @param tier the tier
 * @param modality {@code mandatory} (应当), {@code alternative} (应当从轻或者减轻, one of two) or
 *     {@code permitted} (可以)
 * @param fineBand the lawful fine band in 分, or {@code null} when no fine applies
 * @param suggestedFine the proposed fine in 分, or {@code null}
 * @param grounds the grounds, as the library writes them (e.g. {@code {"ground":"first_violation"}})
 */
public record LawfulOption(
        Tier tier,
        String modality,
        FineBand fineBand,
        @JsonDeserialize(using = Json.Fen.class) Long suggestedFine,
        List<Map<String, Object>> grounds) {}
