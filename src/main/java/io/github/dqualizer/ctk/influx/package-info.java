/**
 * InfluxDB measurements: the points dqualizer's Grafana dashboards read ({@code ResilienceMeasurements}), their
 * line protocol and the HTTP writer. Depends on no other module, so that providers and listeners can write points
 * without an import cycle; it must not know runs, the engine or providers.
 */
package io.github.dqualizer.ctk.influx;
