package org.rouxing;

/**
 * A case (案件事实): the facts found — party, act dates, discovery, harm, correction, circumstances,
 * prior violations — validated against a catalogue when loaded.
 *
 * <p>Immutable and thread-safe. The case keeps the catalogue it was loaded against: {@link
 * Rouxing#assess(Case, Regime, java.time.LocalDate)} and the others use it.
 */
public final class Case extends NativeHandle {
    private Case(long h) {
        super(h, Native::caseFree, "case");
    }

    /**
     * A case from its JSON document (the format of {@code examples/data/cases/*.json}).
     *
     * @param json the document
     * @param catalogue the catalogue whose item codes the case uses
     * @return the case
     * @throws LoadException with the loader's message (file {@code case}, line, field, value)
     */
    public static Case fromJson(String json, Catalogue catalogue) {
        return fromJson("case", json, catalogue);
    }

    /**
     * A case from its JSON document, named in errors.
     *
     * @param name the file name to report in errors
     * @param json the document
     * @param catalogue the catalogue whose item codes the case uses
     * @return the case
     * @throws LoadException with the loader's message
     */
    public static Case fromJson(String name, String json, Catalogue catalogue) {
        return new Case(catalogue.with(c -> Native.caseFromJson(name, json, c)));
    }

    /**
     * The case as its JSON document, as the library writes it.
     *
     * @return the JSON text
     */
    public String toJson() {
        return with(Native::caseJson);
    }
}
