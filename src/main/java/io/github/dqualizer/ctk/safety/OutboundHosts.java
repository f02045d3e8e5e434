package io.github.dqualizer.ctk.safety;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which hosts experiments may call over HTTP ({@code ctk.http.allowed-hosts}; empty = any). The check is on the
 * host the URL names: it does not resolve names, so a listed name whose DNS answer points inside the network, or
 * a listed host that redirects elsewhere, is not caught (docs/reliability.md, "Outbound HTTP").
 */
public final class OutboundHosts {

    public static final String PROPERTY = "ctk.http.allowed-hosts";

    private static final OutboundHosts ANY = new OutboundHosts(List.of());

    private final List<String> allowed;

    public OutboundHosts(List<String> allowed) {
        this.allowed = allowed.stream().map(OutboundHosts::normalized).filter(host -> !host.isEmpty()).toList();
    }

    /** No restriction. */
    public static OutboundHosts any() {
        return ANY;
    }

    /** Why a request to {@code url} may not be sent, when it may not. */
    public Optional<String> refusal(String url) {
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        String host;
        try {
            host = new URI(url).getHost();
        } catch (URISyntaxException | NullPointerException e) {
            host = null;
        }
        if (host == null) {
            return Optional.of("the URL names no host that " + PROPERTY + " could allow");
        }
        return allows(normalized(host)) ? Optional.empty()
                : Optional.of("host '" + host + "' is not on the allow-list (" + PROPERTY + ")");
    }

    private boolean allows(String host) {
        for (String entry : allowed) {
            if (entry.equals(host) || (entry.startsWith("*.") && host.endsWith(entry.substring(1)))) {
                return true;
            }
        }
        return false;
    }

    private static String normalized(String host) {
        String trimmed = host.trim().toLowerCase(Locale.ROOT);
        return trimmed.startsWith("[") && trimmed.endsWith("]") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }
}
