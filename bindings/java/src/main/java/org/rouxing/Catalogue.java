package org.rouxing;

/**
 * A catalogue (事项目录与两轻一免清单): items with their statutory penalties and the published list
 * entries (不予处罚、从轻处罚、减轻处罚清单) with their verbatim conditions.
 *
 * <p>Immutable and thread-safe: share one instance across threads. Close it when done (or let the
 * {@link java.lang.ref.Cleaner} do it); cases loaded from it keep their own reference to the native
 * catalogue, so closing it does not invalidate them.
 *
 * <pre>{@code
 * try (Catalogue catalogue = Catalogue.bundled()) { ... }
 * }</pre>
 */
public final class Catalogue extends NativeHandle {
    private Catalogue(long h) {
        super(h, Native::catalogueFree, "catalogue");
    }

    /**
     * The bundled sample catalogue (real published list entries; see {@code examples/data/README.md}).
     *
     * @return the catalogue
     */
    public static Catalogue bundled() {
        return new Catalogue(Native.catalogueBundled());
    }

    /**
     * A catalogue from its JSON document.
     *
     * @param json the document
     * @return the catalogue
     * @throws LoadException with the loader's message (file {@code catalogue}, line, field, value)
     */
    public static Catalogue fromJson(String json) {
        return fromJson("catalogue", json);
    }

    /**
     * A catalogue from its JSON document, named in errors.
     *
     * @param name the file name to report in errors
     * @param json the document
     * @return the catalogue
     * @throws LoadException with the loader's message
     */
    public static Catalogue fromJson(String name, String json) {
        return new Catalogue(Native.catalogueFromJson(name, json));
    }
}
