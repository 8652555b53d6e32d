package org.rouxing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Paths and files the tests share (the repository's sample cases and the shared statute table). */
final class Fixtures {
    private Fixtures() {}

    static Path examples() {
        return Path.of(System.getProperty("rouxing.examples", "../../examples/data"));
    }

    static Path testdata() {
        return Path.of(System.getProperty("rouxing.testdata", "../testdata"));
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String caseText(String file) {
        return read(examples().resolve("cases").resolve(file));
    }

    static JsonNode statuteExamples() {
        return Json.parse(read(testdata().resolve("statute-examples.json"))).path("examples");
    }

    static List<String> caseFiles() {
        try (Stream<Path> s = Files.list(examples().resolve("cases"))) {
            List<String> out = new ArrayList<>(
                    s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
