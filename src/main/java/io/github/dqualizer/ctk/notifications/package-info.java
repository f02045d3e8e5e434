/**
 * Callbacks: when a run that asked for one ({@code ?callback=URL}, or a schedule's {@code callback}) ends,
 * its outcome is POSTed to that URL, signed with HMAC-SHA256, at least once, as a JobRunr job with retries
 * and back-off. Owns the check of callback URLs against the outbound HTTP policy. Knows runs only through
 * {@code jobs}' {@code RunEnded} and {@code RunQueries}, and the outcome's JSON through {@link
 * io.github.dqualizer.ctk.notifications.OutcomeDocuments}, which the HTTP layer implements: it must not know HTTP controllers.
 */
package io.github.dqualizer.ctk.notifications;
