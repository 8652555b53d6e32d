package org.rouxing;

/** The native methods; see the Rust crate {@code rouxing-jni}. Handles are pointers held as {@code long}. */
final class Native {
    static {
        NativeLoader.load();
    }

    private Native() {}

    static native long catalogueBundled();

    static native long catalogueFromJson(String name, String text);

    static native void catalogueFree(long h);

    static native long regimeNamed(String name);

    static native long regimeFromJson(String name, String text);

    static native void regimeFree(long h);

    static native long caseFromJson(String name, String text, long catalogue);

    static native String caseJson(long h);

    static native void caseFree(long h);

    static native String assess(long kase, long regime, String asOf);

    static native String recommend(long kase, long regime, String asOf);

    static native String review(long kase, long regime, String decision);

    static native String decisionCheck(String name, String decision);

    static native String audit(long[] cases, String[] decisions, long regime);

    static native String tabulate(String[] decisions, String from, String to);

    static native long caseFileNew(String caseId);

    static native long caseFileFromJsonl(String text);

    static native String caseFileAppend(long h, String event);

    static native void caseFileVerify(long h);

    static native String caseFileHead(long h);

    static native int caseFileLen(long h);

    static native String caseFileJsonl(long h);

    static native void caseFileFree(long h);

    static native byte[] ed25519PublicKey(String keyId, byte[] seed);

    static native String checkpointLoad(String text);

    static native String caseFileCheckpoint(long h, String keyId, byte[] seed);

    static native String caseFileSeal(long h, String on, String keyId, byte[] seed);

    static native String caseFileVerifyWith(long h, String[] keyIds, byte[] publicKeys, String checkpoint, String asOf);

    static native long rustRecommendNanos(long kase, long regime, String asOf, int n);

    static native void panicForTest();
}
