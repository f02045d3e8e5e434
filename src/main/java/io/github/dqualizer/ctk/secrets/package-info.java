/**
 * AES-GCM encryption of experiment secrets at rest and owner-only key files. Depends on no other module; it must
 * not know runs, experiments or HTTP.
 */
package io.github.dqualizer.ctk.secrets;
