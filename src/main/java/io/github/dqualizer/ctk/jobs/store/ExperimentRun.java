package io.github.dqualizer.ctk.jobs.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One accepted experiment run. Its id is also the JobRunr job id. */
@Entity
@Table(name = "experiment_runs")
public class ExperimentRun {

    @Id
    @Column(length = 36)
    private String id;
    private String owner;
    private String title;
    @Enumerated(EnumType.STRING)
    private RunStatus status;
    private String dryMode;
    @Column(name = "experiment_json", columnDefinition = "LONGTEXT")
    private String experimentJson;
    @Column(name = "secrets_cipher", columnDefinition = "TEXT")
    private String secretsCipher;
    @Column(name = "journal_json", columnDefinition = "LONGTEXT")
    private String journalJson;
    private Boolean deviated;
    private String statusReason;
    private String node;
    private Instant submittedAt;
    private Instant startedAt;
    private Instant endedAt;
    @Version
    private Long version;
    @Column(insertable = false, updatable = false)
    private Long seq;
    private boolean cancelRequested;
    @Column(length = 36)
    private String scheduleId;
    @Column(length = 2048)
    private String callbackUrl;
    private String rerunOf;
    /** Where the run executed, or, before it starts, the host of the instance that accepted it. */
    private String host;
    /** The host it must execute on (its job is in that host's JobRunr tables); null: any instance. */
    private String pinnedHost;

    protected ExperimentRun() {
    }

    public ExperimentRun(String id, String owner, String title, String dryMode, String experimentJson,
                  String secretsCipher, Instant submittedAt) {
        this.id = id;
        this.owner = owner;
        this.title = title;
        this.dryMode = dryMode;
        this.experimentJson = experimentJson;
        this.secretsCipher = secretsCipher;
        this.submittedAt = submittedAt;
        this.status = RunStatus.QUEUED;
    }

    /** The schedule that fired this run and where its outcome is POSTed when it ends; both may be null. */
    public void origin(String scheduleId, String callbackUrl) {
        this.scheduleId = scheduleId;
        this.callbackUrl = callbackUrl;
    }

    /** The host it will execute on if pinned, else the accepting instance's; replaced by the executing instance's host when it starts. */
    public void acceptedOn(String host) {
        this.host = pinnedHost != null ? pinnedHost : host;
    }

    /**
     * A new queued run of this one: same owner and document, and the same secrets, which {@code secretsCipher}
     * holds encrypted for the new run ({@link StoredExperiment#secretsForRerun}).
     */
    public ExperimentRun rerun(String newId, String secretsCipher, Instant at) {
        ExperimentRun again = new ExperimentRun(newId, owner, title, dryMode, experimentJson, secretsCipher, at);
        again.rerunOf = id;
        again.pinnedHost = pinnedHost; // a host-process run acts on the same host again
        return again;
    }

    /** A rolled-back insert leaves Hibernate's initial version behind; without it the run counts as new again. */
    public void insertRolledBack() {
        this.version = null;
    }

    public void start(String node, String host, Instant at) {
        this.status = RunStatus.RUNNING;
        this.node = node;
        this.host = host;
        this.startedAt = at;
    }

    /** As stored by {@code RunTransitions.markRequeued}: a claim no worker used is given back. */
    public void requeued() {
        this.status = RunStatus.QUEUED;
        this.node = null;
        this.startedAt = null;
    }

    public void requestCancellation() {
        this.cancelRequested = true;
    }

    /** Hands a run left behind by a dead instance to the one that recovers it. */
    public void takeOver(String node, String reason) {
        this.node = node;
        this.statusReason = reason;
    }

    public void finish(RunStatus finalStatus, Boolean deviated, String journalJson, String reason, Instant at) {
        this.status = finalStatus;
        this.deviated = deviated;
        this.journalJson = journalJson;
        this.statusReason = reason;
        this.endedAt = at;
    }

    public String id() { return id; }
    public String owner() { return owner; }
    public String title() { return title; }
    public RunStatus status() { return status; }
    public String dryMode() { return dryMode; }
    public String experimentJson() { return experimentJson; }
    public String secretsCipher() { return secretsCipher; }
    public String journalJson() { return journalJson; }
    public Boolean deviated() { return deviated; }
    public String statusReason() { return statusReason; }
    public String node() { return node; }
    public Instant submittedAt() { return submittedAt; }
    public Instant startedAt() { return startedAt; }
    public Instant endedAt() { return endedAt; }
    public boolean cancelRequested() { return cancelRequested; }
    /** The optimistic-lock version as read, for conditional UPDATEs. */
    public long version() { return version == null ? 0 : version; }
    public String scheduleId() { return scheduleId; }
    public String callbackUrl() { return callbackUrl; }
    /** The run this one repeats, or null. */
    public String rerunOf() { return rerunOf; }
    /** Where it executed (or, not started yet, the accepting instance's host); null for runs stored before V6. */
    public String host() { return host; }
    /** The host it must execute on; null when any instance may execute it. */
    public String pinnedHost() { return pinnedHost; }

    /** Before it is stored: pins the run to {@code host} (null: any instance). */
    public void pinTo(String host) {
        this.pinnedHost = host;
    }
}
