package org.rouxing;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A lawful fine band (罚款幅度) in 分, both ends included.
 *
 * @param min the lowest lawful fine, in 分
 * @param max the highest lawful fine, in 分
 */
public record FineBand(@JsonDeserialize(using = Json.Fen.class) long min,
        @JsonDeserialize(using = Json.Fen.class) long max) {}
