package io.github.dqualizer.ctk.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * HTTP API settings.
 *
 * @param maxBodySize        largest accepted experiment document
 * @param waitByDefault      answer after the run ends unless {@code wait=false} (for clients written against the prototype)
 * @param defaultWaitTimeout how long wait mode holds a request when no {@code timeout} is given
 * @param maxWaitTimeout     upper bound for the {@code timeout} parameter
 * @param pageSizeLimit      largest page size of {@code GET /experiments}
 * @param outcomeInBody      wait mode answers HTTP 200 whatever the outcome, which is then only in {@code status_code}
 *                           (as the prototype did, for dqualizer's {@code RestTemplate}, which throws on any 5xx)
 */
@ConfigurationProperties("ctk.api")
record ApiProperties(DataSize maxBodySize, boolean waitByDefault, Duration defaultWaitTimeout,
                            Duration maxWaitTimeout, Integer pageSizeLimit, boolean outcomeInBody) {

    public ApiProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        defaultWaitTimeout = defaultWaitTimeout == null ? Duration.ofMinutes(10) : defaultWaitTimeout;
        maxWaitTimeout = maxWaitTimeout == null ? Duration.ofHours(1) : maxWaitTimeout;
        pageSizeLimit = pageSizeLimit == null ? 200 : pageSizeLimit;
    }
}
