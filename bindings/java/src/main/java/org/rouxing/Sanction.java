package org.rouxing;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * One penalty imposed (行政处罚种类, 《中华人民共和国行政处罚法》第九条).
 *
 * @param kind the kind code, e.g. {@code warning} (警告), {@code fine} (罚款)
 * @param amount the amount in 分 for 罚款 and 没收违法所得, else {@code null}
 */
public record Sanction(String kind, @JsonDeserialize(using = Json.Fen.class) Long amount) {}
