/**
 * The JSONPath dialect of {@code jsonpath} tolerances (docs/adr/0002-jsonpath2-dialect.md). Published to
 * {@code engine}, which evaluates tolerances with it.
 */
@NamedInterface("jsonpath")
package io.github.dqualizer.ctk.experiment.jsonpath;

import org.springframework.modulith.NamedInterface;
