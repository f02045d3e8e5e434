package io.github.dqualizer.ctk;

/** The JVM system properties {@code main} sets before anything reads them: each only where the operator set none. */
final class JvmDefaults {

    private JvmDefaults() {
    }

    static void setUnlessGiven(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
