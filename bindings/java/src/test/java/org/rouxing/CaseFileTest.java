package org.rouxing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The case file (全过程记录): append, lifecycle checks, export, import, tampering. */
class CaseFileTest {
    static final String STARTED = "{\"on\":\"2025-03-02\",\"stage\":\"started\",\"origin\":\"inspection\","
            + "\"party\":\"91620725MA7\",\"item\":\"EM-HC-78-3\",\"act_on\":\"2025-03-01\","
            + "\"discovered_on\":\"2025-03-02\"}";

    @Test
    void appendVerifyExportImport() {
        try (CaseFile f = CaseFile.create("2025-001")) {
            String h0 = f.head();
            String h1 = f.append(STARTED);
            assertEquals(64, h1.length());
            assertTrue(!h1.equals(h0));
            f.append("{\"on\":\"2025-03-03\",\"stage\":\"filed\",\"approved_by\":\"HEAD-1\"}");
            InputException e = assertThrows(InputException.class,
                    () -> f.append("{\"on\":\"2025-03-04\",\"stage\":\"served\",\"method\":\"direct\"}"));
            assertEquals("`送达` before any decision in force (Art. 61)", e.getMessage());
            assertEquals(2, f.size());
            f.verify();
            String text = f.toJsonl();
            try (CaseFile back = CaseFile.fromJsonl(text)) {
                assertEquals(f.head(), back.head());
            }
            String tampered = text.replace("HEAD-1", "HEAD-2");
            LoadException t = assertThrows(LoadException.class, () -> CaseFile.fromJsonl(tampered));
            assertTrue(t.getMessage().startsWith("line 3"), t.getMessage());
        }
    }

    @Test
    void badEventsAreLoadErrors() {
        try (CaseFile f = CaseFile.create("2025-002")) {
            LoadException e = assertThrows(LoadException.class, () -> f.append("{\"on\":\"2025-02-30\"}"));
            assertTrue(e.getMessage().startsWith("event"), e.getMessage());
            assertThrows(InputException.class, () -> CaseFile.create(""));
        }
    }
}
