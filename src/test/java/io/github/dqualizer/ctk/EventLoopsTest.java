package io.github.dqualizer.ctk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How many Netty event loops the service asks Reactor Netty for (the choice; its effect is in docs/benchmarks.md). */
class EventLoopsTest {

    private String before;

    @BeforeEach
    void rememberProperty() {
        before = System.getProperty(EventLoops.PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (before == null) {
            System.clearProperty(EventLoops.PROPERTY);
        } else {
            System.setProperty(EventLoops.PROPERTY, before);
        }
    }

    @Test
    void oneLoopPerCoreWhenTheOperatorDidNotChoose() {
        System.clearProperty(EventLoops.PROPERTY);

        EventLoops.onePerCore();

        assertThat(System.getProperty(EventLoops.PROPERTY))
                .isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void anOperatorsChoiceIsKept() {
        System.setProperty(EventLoops.PROPERTY, "7");

        EventLoops.onePerCore();

        assertThat(System.getProperty(EventLoops.PROPERTY)).isEqualTo("7");
    }
}
