package org.rouxing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The JSON reading shared by the records. */
final class Json {
    private Json() {}

    /**
     * Records are documented projections of the library's documents: fields they do not name are
     * skipped (the full document stays available where a record carries {@code json}).
     */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new RouxingException("rouxing: the native library returned malformed JSON: " + e.getMessage());
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new RouxingException("rouxing: cannot write JSON: " + e.getMessage());
        }
    }

    static <T> T as(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RouxingException("rouxing: unexpected " + type.getSimpleName() + " document: " + e.getMessage());
        }
    }

    static <T> T as(JsonNode node, TypeReference<T> type) {
        try {
            return MAPPER.readerFor(type).readValue(node);
        } catch (IOException | IllegalArgumentException e) {
            throw new RouxingException("rouxing: unexpected document: " + e.getMessage());
        }
    }

    static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    static final TypeReference<List<Map<String, Object>>> OBJECTS = new TypeReference<>() {};

    static List<String> strings(JsonNode node) {
        return node == null || node.isNull() ? List.of() : List.copyOf(as(node, STRINGS));
    }

    static List<Map<String, Object>> objects(JsonNode node) {
        return node == null || node.isNull() ? List.of() : List.copyOf(as(node, OBJECTS));
    }

    /**
     * Money in 分 from the wire: an integer number of 分, or a decimal string of yuan with at most two
     * places ({@code "1500.00"}); never a float.
     */
    static long fen(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            return fen(node.textValue());
        }
        throw new RouxingException("rouxing: an amount must be integer 分 or a decimal string, got " + node);
    }

    static long fen(String text) {
        try {
            return new BigDecimal(text).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new RouxingException("rouxing: invalid amount `" + text + "`");
        }
    }

    /** Jackson deserializer for amounts in 分 ({@code long}). */
    static final class Fen extends JsonDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return p.getLongValue();
            }
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                try {
                    return fen(p.getText());
                } catch (RouxingException e) {
                    return (Long) ctx.handleWeirdStringValue(Long.class, p.getText(), e.getMessage());
                }
            }
            return (Long) ctx.handleUnexpectedToken(Long.class, p);
        }
    }
}
