package org.rouxing;

/**
 * A citation (法律依据) as the library writes it: the instrument code ({@code administrative_penalty_law}
 * for 《中华人民共和国行政处罚法》) and the provision's id, e.g. {@code art_33__para_1__sent_2} for
 * 第三十三条第一款第二句.
 *
 * @param instrument the instrument code
 * @param eid the provision id
 */
public record Citation(String instrument, String eid) {}
