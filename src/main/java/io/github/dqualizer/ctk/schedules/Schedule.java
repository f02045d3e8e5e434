package io.github.dqualizer.ctk.schedules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A recurring experiment. Its id is also the id of its JobRunr recurring job. */
@Entity
@Table(name = "schedules")
class Schedule {

    @Id
    @Column(length = 36)
    private String id;
    private String owner;
    private String name;
    private String cron;
    @Column(name = "interval_spec")
    private String interval;
    @Column(name = "experiment_json", columnDefinition = "LONGTEXT")
    private String experimentJson;
    @Column(name = "secrets_cipher", columnDefinition = "TEXT")
    private String secretsCipher;
    @Column(length = 2048)
    private String callbackUrl;
    /** Every firing's run is pinned to this host (docs/adr/0008-fleet-routing.md); null: routed as any run. */
    private String host;
    private boolean paused;
    private Instant createdAt;
    @Column(length = 36)
    private String lastRunId;
    private Instant lastFiredAt;
    private long firings;
    private long skippedFirings;
    private Instant lastSkippedAt;
    @Version
    private Long version;
    @Column(insertable = false, updatable = false)
    private Long seq;

    protected Schedule() {
    }

    Schedule(String id, String owner, String name, ScheduleTiming timing, String experimentJson, String secretsCipher,
             String callbackUrl, Instant createdAt) {
        this.id = id;
        this.owner = owner;
        this.name = name;
        this.cron = timing.cron();
        this.interval = timing.interval();
        this.experimentJson = experimentJson;
        this.secretsCipher = secretsCipher;
        this.callbackUrl = callbackUrl;
        this.createdAt = createdAt;
    }

    void pinTo(String host) {
        this.host = host;
    }

    void paused(boolean paused) {
        this.paused = paused;
    }

    String id() { return id; }
    String owner() { return owner; }
    String name() { return name; }
    ScheduleTiming timing() { return new ScheduleTiming(cron, interval); }
    String experimentJson() { return experimentJson; }
    String secretsCipher() { return secretsCipher; }
    String callbackUrl() { return callbackUrl; }
    String host() { return host; }
    boolean paused() { return paused; }
    Instant createdAt() { return createdAt; }
    String lastRunId() { return lastRunId; }
    Instant lastFiredAt() { return lastFiredAt; }
    long firings() { return firings; }
    long skippedFirings() { return skippedFirings; }
    Instant lastSkippedAt() { return lastSkippedAt; }
}
