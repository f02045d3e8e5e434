package io.github.dqualizer.ctk.influx;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the InfluxDB 2 points of dqualizer's dashboards go ({@code ctk.influx.*}); off by default.
 *
 * @param enabled  write points at all
 * @param url      base URL of the InfluxDB 2 server, e.g. {@code http://localhost:8086}
 * @param token    API token, sent as {@code Authorization: Token ...}; never logged
 * @param org      organisation
 * @param bucket   bucket
 * @param timeout  connect and request timeout of one write
 */
@ConfigurationProperties("ctk.influx")
public record InfluxProperties(boolean enabled, String url, String token, String org, String bucket, Duration timeout) {

    public InfluxProperties {
        url = url == null ? "http://localhost:8086" : url.replaceAll("/+$", "");
        token = token == null ? "" : token;
        org = org == null ? "my-org" : org;
        bucket = bucket == null ? "my-bucket" : bucket;
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
    }

    @Override
    public String toString() {
        return "InfluxProperties[enabled=" + enabled + ", url=" + url + ", org=" + org + ", bucket=" + bucket
                + ", timeout=" + timeout + ", token=***]";
    }
}
