package org.rouxing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    static final String SAMPLE = Fixtures.read(Path.of("../../schema/examples/case-file.jsonl"));

    static byte[] seed(int b) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) b);
        return s;
    }

    /** The events of the sample file, as JSON. */
    static List<String> sampleEvents() {
        List<String> out = new ArrayList<>();
        for (String line : SAMPLE.split("\n")) {
            if (line.startsWith("{\"seq\"")) {
                out.add(Json.write(Json.parse(line).path("event")));
            }
        }
        return out;
    }

    /** A file rebuilt from events: what write access without the key can produce. */
    static CaseFile rechained(List<String> events) {
        CaseFile f = CaseFile.create("山丹2025-00640");
        for (String e : events) {
            f.append(e);
        }
        return f;
    }

    @Test
    void verifiesWithTheKeyAndTheCheckpoint() {
        SigningKey key = SigningKey.ed25519("amr-2025", seed(7));
        VerifyingKey pub = key.verifyingKey();
        assertEquals(pub, VerifyingKey.fromHex("amr-2025", pub.toHex()));
        assertEquals("SigningKey[amr-2025]", key.toString());
        try (CaseFile f = CaseFile.fromJsonl(SAMPLE)) {
            // The checkpoint goes out of the file, as JSON, and comes back.
            Checkpoint stored = Checkpoint.fromJson(f.checkpoint(key).toJson());
            assertEquals(13, stored.events());
            assertEquals(f.head(), stored.head());

            // The good file passes.
            Verification v = f.verify(pub, stored);
            assertEquals(13, v.events());
            assertEquals(13L, v.checkpointEvents());
            assertTrue(!v.sealed());

            // Rewritten and re-chained without the key: its own chain is intact, the checkpoint is not met.
            List<String> changed = new ArrayList<>(sampleEvents());
            changed.replaceAll(e -> e.replace("未发现同类违法行为", "发现同类违法行为"));
            try (CaseFile r = rechained(changed)) {
                r.verify();
                IntegrityException e = assertThrows(IntegrityException.class, () -> r.verify(pub, stored));
                assertTrue(e.getMessage().startsWith("rewritten: event `12` has digest"), e.getMessage());
            }

            // Cut after ten events and closed again: the cut is named.
            try (CaseFile cut = rechained(sampleEvents().subList(0, 10));
                    CaseFile back = CaseFile.fromJsonl(cut.toJsonl())) {
                IntegrityException e = assertThrows(IntegrityException.class, () -> back.verify(pub, stored));
                assertEquals("tail cut: the checkpoint covers `13` events, the file has `10`", e.getMessage());
            }

            // Another key does not verify the checkpoint.
            VerifyingKey other = SigningKey.ed25519("amr-2025", seed(9)).verifyingKey();
            IntegrityException e = assertThrows(IntegrityException.class, () -> f.verify(other, stored));
            assertTrue(e.getMessage().startsWith("signature rejected: "), e.getMessage());

            // Sealing at 结案; the seal verifies with the public key.
            Checkpoint seal = f.seal(LocalDate.of(2025, 9, 18), key);
            assertEquals(13, seal.events());
            try (CaseFile back = CaseFile.fromJsonl(f.toJsonl())) {
                Verification s = back.verify(List.of(pub), stored, LocalDate.of(2025, 12, 31));
                assertTrue(s.sealed() && s.sealVerified());
                assertEquals(14, s.events());
            }
        }
    }

    @Test
    void keysAndCheckpointsAreChecked() {
        assertThrows(InputException.class, () -> SigningKey.ed25519("k", new byte[31]));
        assertThrows(InputException.class, () -> new VerifyingKey("k", new byte[33]));
        LoadException e = assertThrows(LoadException.class, () -> Checkpoint.fromJson("{\n\"events\": 1}"));
        assertTrue(e.getMessage().startsWith("checkpoint line 2"), e.getMessage());
        try (CaseFile f = CaseFile.fromJsonl(SAMPLE)) {
            Checkpoint cp = f.checkpoint(SigningKey.ed25519("amr-2025", seed(7)));
            assertThrows(InputException.class, () -> f.verify(List.of(), cp, null));
            assertThrows(InputException.class, () -> f.seal(LocalDate.of(2025, 9, 17), SigningKey.ed25519("k", seed(1))));
        }
    }
}
