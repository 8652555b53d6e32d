package org.rouxing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The five tiers of discretion (裁量阶次): 不予处罚、减轻处罚、从轻处罚、一般处罚、从重处罚, lightest first.
 * Closed, as in the library: a new tier would change what every decision means.
 */
public enum Tier {
    /** 不予处罚 ({@code no_penalty}). */
    NO_PENALTY("no_penalty", "不予处罚"),
    /** 减轻处罚 ({@code mitigated}): below the statutory minimum. */
    MITIGATED("mitigated", "减轻处罚"),
    /** 从轻处罚 ({@code lighter}): within the range, toward its lower end. */
    LIGHTER("lighter", "从轻处罚"),
    /** 一般处罚 ({@code ordinary}). */
    ORDINARY("ordinary", "一般处罚"),
    /** 从重处罚 ({@code heavier}): within the range, toward its upper end. */
    HEAVIER("heavier", "从重处罚");

    private final String code;
    private final String chinese;

    Tier(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    /**
     * The wire code, e.g. {@code no_penalty}.
     *
     * @return the code
     */
    @JsonValue
    public String code() {
        return code;
    }

    /**
     * The Chinese legal term, e.g. {@code 不予处罚}.
     *
     * @return the term
     */
    public String chinese() {
        return chinese;
    }

    /**
     * The tier of a wire code.
     *
     * @param code the code
     * @return the tier
     * @throws InputException for an unknown code
     */
    @JsonCreator
    public static Tier fromCode(String code) {
        for (Tier t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new InputException("unknown tier `" + code + "`");
    }
}
