package io.github.dqualizer.ctk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the Resilience Execution API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CtkApplication {

    public static void main(String[] args) {
        ProcessLaunch.preferVfork(); // before anything starts a process
        EventLoops.onePerCore(); // before Reactor Netty creates its loops
        AbandonedConnectionCleanup.off(); // before the MySQL driver loads
        SpringApplication.run(CtkApplication.class, args);
    }
}
