package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.jobs.dashboard.DashboardAccount;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * On the API port only {@code /actuator/health} is anonymous; every other actuator endpoint (metrics, prometheus,
 * info) needs the dashboard account by HTTP basic auth (ADR 0007). A management port of its own
 * ({@code management.server.port}) is left alone: it is bound to loopback by default.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ActuatorAccessFilter implements WebFilter {

    private static final String REALM = "Basic realm=\"dqualizer-ctk actuator\", charset=\"UTF-8\"";

    private final DashboardAccount account;
    private volatile int apiPort = -1;

    ActuatorAccessFilter(DashboardAccount account) {
        this.account = account;
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        // the main server has no namespace; the management server's is "management"
        if (event.getApplicationContext().getServerNamespace() == null) {
            apiPort = event.getWebServer().getPort();
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/actuator") || open(path) || !onApiPort(exchange)) {
            return chain.filter(exchange);
        }
        if (authorized(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, REALM);
        return Mono.error(new ApiException(HttpStatus.UNAUTHORIZED, "Authentication failed.", account.exists()
                ? path + " needs the dashboard account (HTTP basic auth, ctk.dashboard.username/password)"
                : path + " needs the dashboard account, and none is configured: set ctk.dashboard.username and "
                        + "ctk.dashboard.password, or serve the actuator on management.server.port"));
    }

    private static boolean open(String path) {
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    private boolean onApiPort(ServerWebExchange exchange) {
        var local = exchange.getRequest().getLocalAddress();
        return apiPort < 0 || local == null || local.getPort() == apiPort;
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon >= 0 && account.matches(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
