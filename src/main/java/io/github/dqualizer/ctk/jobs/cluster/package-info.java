/**
 * The instances sharing one database: this instance's identity and its process name, which instances are alive,
 * crash recovery of runs a dead instance left running, cancellations asked on another instance, graceful shutdown
 * and restarting the job server after a database outage. It must not know HTTP or the submission path.
 */
package io.github.dqualizer.ctk.jobs.cluster;
