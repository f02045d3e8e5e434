/**
 * JobRunr's dashboard (its handlers from {@code jobs.jobrunr}), served by this service on {@code ctk.dashboard.address} (not JobRunr's every-interface
 * default, ADR 0003) behind constant-time basic authentication with generated or configured credentials. It must not
 * know runs or the public API.
 */
package io.github.dqualizer.ctk.jobs.dashboard;
