package io.github.dqualizer.ctk.safety;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where experiments may send HTTP requests ({@code ctk.http.*}): {@code http} activities and Chaos Monkey functions.
 *
 * @param allowedHosts when not empty, the only hosts they may call: a host name or IP address as it appears in the
 *                     URL ({@code target.example.com}, {@code 10.0.0.5}, {@code ::1}), or {@code *.example.com} for
 *                     every host below a domain; case is ignored
 */
@ConfigurationProperties("ctk.http")
record OutboundHttpProperties(List<String> allowedHosts) {

    public OutboundHttpProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }
}
