/**
 * Database-specific tuning that is not a feature of its own (MySQL statement cache settings on the pool, schema
 * changes of instances started together taken one after the other: Flyway's and JobRunr's tables).
 * Depends on no other module; it must not know runs or HTTP.
 */
package io.github.dqualizer.ctk.database;
