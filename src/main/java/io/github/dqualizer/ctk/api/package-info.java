/**
 * HTTP only: {@code POST /execute_experiment}, {@code /experiments/**}, {@code GET /openapi.yaml}, the four credential
 * headers, the {@code {status_code, status, info}} envelope and the one error handler. It turns requests into calls on
 * {@code auth}, {@code experiment}, {@code jobs} and {@code events} and their answers into JSON. It must not know JPA,
 * JobRunr or how a run is executed.
 */
package io.github.dqualizer.ctk.api;
