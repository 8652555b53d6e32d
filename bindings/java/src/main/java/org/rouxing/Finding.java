package org.rouxing;

import java.util.Map;

/**
 * One finding of the legality review (法制审核意见), e.g. {@code above_lawful_set} (重于依法可以作出的处理, 机械执法),
 * {@code missing_correction_order} (以罚代管), {@code no_penalty_despite_harm} (执法放水).
 *
 * @param code the finding code
 * @param severity {@code unlawful} (违法), {@code irregular} (不规范) or {@code advisory} (提示)
 * @param citation the provision it rests on
 * @param detail what was found, as the library writes it
 */
public record Finding(String code, String severity, Citation citation, Map<String, Object> detail) {}
