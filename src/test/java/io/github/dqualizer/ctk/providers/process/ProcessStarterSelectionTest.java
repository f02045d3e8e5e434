package io.github.dqualizer.ctk.providers.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which start a test JVM uses: the native one on JDK 22+ on Linux (the build compiles it wherever a JDK 22+ compiler
 * is there; pom.xml runs the process tests a second time on JDK 25), the JDK's on 17 or when forced.
 */
class ProcessStarterSelectionTest {

    @Test
    void thisJvmThenNativeStartFromJdk22OnLinux() {
        boolean expectNative = Runtime.version().feature() >= 22 && "Linux".equals(System.getProperty("os.name"))
                && !"jdk".equals(System.getProperty(ProcessStarter.PROPERTY));
        String chosen = ProcessStarter.forThisJvm().getClass().getName();

        if (expectNative) {
            assertThat(chosen).as("JDK " + Runtime.version()).isEqualTo(ProcessStarterChoice.NATIVE_STARTER);
        } else {
            assertThat(chosen).as("JDK " + Runtime.version()).isNotEqualTo(ProcessStarterChoice.NATIVE_STARTER);
        }
    }
}
