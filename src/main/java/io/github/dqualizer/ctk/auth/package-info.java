/**
 * The credential check of every request: the database account named in the headers (a real connection, cached by
 * keyed digest) and the {@code users} table (password digests, constant-time), the demo user, the failure counter.
 * Depends on no other module; it must not know runs, experiments or HTTP.
 */
package io.github.dqualizer.ctk.auth;
