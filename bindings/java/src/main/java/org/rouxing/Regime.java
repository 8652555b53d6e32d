package org.rouxing;

/**
 * A regime (裁量基准与地方规则): discretion bands, the first-violation window and scope, the Art. 51 and
 * Art. 63 thresholds and the legal-review rules of a jurisdiction.
 *
 * <p>Immutable and thread-safe: share one instance across threads.
 */
public final class Regime extends NativeHandle {
    private Regime(long h) {
        super(h, Native::regimeFree, "regime");
    }

    /**
     * The national regime: the statute's own figures and documented defaults (全国通用).
     *
     * @return the regime
     */
    public static Regime national() {
        return named("national");
    }

    /**
     * The county sample regime (山丹县实施方案).
     *
     * @return the regime
     */
    public static Regime shandanSample() {
        return named("shandan");
    }

    /**
     * A built-in regime by name: {@code national} or {@code shandan}.
     *
     * @param name the name
     * @return the regime
     * @throws InputException for any other name
     */
    public static Regime named(String name) {
        return new Regime(Native.regimeNamed(name));
    }

    /**
     * A regime from its JSON document.
     *
     * @param name the file name to report in errors
     * @param json the document
     * @return the regime
     * @throws LoadException with the loader's message
     */
    public static Regime fromJson(String name, String json) {
        return new Regime(Native.regimeFromJson(name, json));
    }
}
