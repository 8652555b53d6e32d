package org.rouxing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Errors carry the loader's exact text; no input crashes the JVM. */
class ErrorsTest {
    @Test
    void malformedCaseGivesTheLoadersExactText() {
        try (Catalogue cat = Catalogue.bundled()) {
            LoadException e = assertThrows(LoadException.class, () -> Case.fromJson("{\"id\": 3}", cat));
            assertEquals("case line 1 column 8, field `id`: invalid type: integer `3`, expected a string",
                    e.getMessage());
            String badDate = "{\n  \"schema_version\": 1,\n  \"id\": \"X-1\",\n  \"item\": \"AG-XM-66\",\n"
                    + "  \"discovered_on\": \"2026-02-30\"\n}";
            e = assertThrows(LoadException.class, () -> Case.fromJson("case.json", badDate, cat));
            assertEquals("case.json line 5 column 31, field `discovered_on`: invalid date `2026-02-30`: "
                    + "no such day in the calendar", e.getMessage());
            e = assertThrows(LoadException.class, () -> Case.fromJson("not json", cat));
            assertEquals("case line 1 column 2: expected ident", e.getMessage());
        }
    }

    @Test
    void malformedCatalogueAndDecision() {
        LoadException e = assertThrows(LoadException.class, () -> Catalogue.fromJson("{\"items\": 5}"));
        assertEquals("catalogue line 1 column 11, field `items`: invalid type: integer `5`, expected a sequence",
                e.getMessage());
        e = assertThrows(LoadException.class, () -> Decision.fromJson("{\n \"case_id\": 7}"));
        assertEquals("decision line 2 column 13, field `case_id`: invalid type: integer `7`, expected a string",
                e.getMessage());
    }

    @Test
    void badArguments() {
        InputException e = assertThrows(InputException.class, () -> Regime.named("mars"));
        assertEquals("unknown regime `mars`: expected `national` or `shandan`", e.getMessage());
        assertThrows(InputException.class, () -> Report.tabulate(java.util.List.of(),
                LocalDate.of(2026, 12, 31), LocalDate.of(2026, 1, 1)));
        assertThrows(NullPointerException.class, () -> Rouxing.assess(null, null, null));
        assertThrows(InputException.class, () -> Catalogue.fromJson(null));
    }

    @Test
    void aPanicInRustIsAJavaException() {
        RouxingException e = assertThrows(RouxingException.class, Native::panicForTest);
        assertEquals("rouxing panicked: deliberate panic at the JNI boundary", e.getMessage());
        // The JVM and the library live on.
        try (Catalogue cat = Catalogue.bundled()) {
            assertTrue(cat != null);
        }
    }

    @Test
    void closedHandlesAreRefusedNotDereferenced() {
        Catalogue cat = Catalogue.bundled();
        Case c = Case.fromJson(Fixtures.caseText("first-violation.json"), cat);
        cat.close();
        cat.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> Case.fromJson("{}", cat));
        // The case keeps its own reference to the native catalogue.
        try (Regime r = Regime.national()) {
            assertEquals(Tier.NO_PENALTY, Rouxing.recommend(c, r, LocalDate.of(2026, 12, 1)).tier());
        }
        c.close();
        assertThrows(IllegalStateException.class, c::toJson);
    }
}
