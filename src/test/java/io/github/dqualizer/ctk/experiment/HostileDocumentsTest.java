package io.github.dqualizer.ctk.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Documents built to hurt a parser are refused before they cost memory or stack, with a message that names no internals. */
class HostileDocumentsTest {

    private final ExperimentReader reader = new ExperimentReader();

    @Test
    void yamlAliasesAndBillionLaughsThenRefusedAsUnsupported() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        bomb.append("title: *a9\n");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        // refused at the first alias, *a0: nothing was expanded (the bomb expands to 9^10 strings)
        assertThatThrownBy(() -> yaml(bomb.toString())).isInstanceOf(ExperimentFormatException.class)
                .hasMessageContaining("aliases (*a0) are not supported");
        assertThat(threads.getCurrentThreadAllocatedBytes() - allocatedBefore).as("bytes allocated reading the bomb")
                .isLessThan(16L * 1024 * 1024);
        assertThatThrownBy(() -> yaml("title: &t x\ndescription: *t\n")).hasMessageContaining("aliases (*t)");
        assertThatThrownBy(() -> yaml("base: &b {a: 1}\nm: {<<: *b}\n")).hasMessageContaining("aliases (*b)");
    }

    @Test
    void hundredThousandNestingLevelsThenRefusedWithoutStackOverflow() {
        String deepJson = "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> reader.read(deepJson.getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOf(ExperimentFormatException.class).hasMessageContaining("nested deeper than 200 levels");
        assertThatThrownBy(() -> yaml(deepJson)).isInstanceOf(ExperimentFormatException.class)
                .hasMessageContaining("nested deeper than 200 levels");
        String deepBlock = "- ".repeat(5_000) + "x\n";
        assertThatThrownBy(() -> yaml(deepBlock)).isInstanceOf(ExperimentFormatException.class);
    }

    @Test
    void invalidUtf8AndOverlongNumbersThenMessagesWithoutClassNames() {
        byte[] invalid = {'{', '"', 't', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'};
        for (boolean yaml : new boolean[]{false, true}) {
            assertThatThrownBy(() -> reader.read(invalid, yaml)).isInstanceOf(ExperimentFormatException.class)
                    .message().doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]\\w*(Exception|Error)")
                    .contains("UTF-8");
        }
        assertThatThrownBy(() -> reader.read(("{\"t\":" + "9".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8), false))
                .message().doesNotContain("StreamReadConstraints");
    }

    private void yaml(String document) {
        reader.read(document.getBytes(StandardCharsets.UTF_8), true);
    }
}
