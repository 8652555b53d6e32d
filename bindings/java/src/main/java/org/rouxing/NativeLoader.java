package org.rouxing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads the native library carried in the jar: {@code /org/rouxing/native/<os>-<arch>/librouxing_jni.so}
 * is copied to a temporary file and loaded with {@link System#load}, so no {@code -Djava.library.path}
 * is needed.
 */
final class NativeLoader {
    private NativeLoader() {}

    /** The platform directory for this JVM, e.g. {@code linux-x86_64}. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.contains("linux") ? "linux" : os.replaceAll("[^a-z0-9]", "");
        String a = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
        return o + "-" + a;
    }

    static void load() {
        String resource = "/org/rouxing/native/" + platform() + "/librouxing_jni.so";
        try (InputStream in = NativeLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UnsatisfiedLinkError(
                        "rouxing: no native library for " + platform() + " in the jar (" + resource + ")");
            }
            Path tmp = Files.createTempFile("rouxing-jni-", ".so");
            tmp.toFile().deleteOnExit();
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            System.load(tmp.toAbsolutePath().toString());
        } catch (IOException e) {
            UnsatisfiedLinkError err = new UnsatisfiedLinkError("rouxing: cannot extract " + resource + ": " + e);
            err.initCause(e);
            throw err;
        }
    }
}
