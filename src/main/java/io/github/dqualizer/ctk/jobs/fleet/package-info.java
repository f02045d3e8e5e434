/**
 * A fleet of instances on one database (docs/adr/0008-fleet-routing.md): which executing instances live on which
 * host ({@code ctk_instances} + JobRunr's server heartbeats), where a run must execute (a host named with
 * {@code ?host=}, the accepting host for host-process runs, else anywhere), one JobRunr table set per host for the
 * pinned runs (and the job server of this instance's host), and UDP nudges that make the instance that will execute
 * a run fetch it at once. It must not know HTTP.
 */
@NamedInterface("fleet")
package io.github.dqualizer.ctk.jobs.fleet;

import org.springframework.modulith.NamedInterface;
