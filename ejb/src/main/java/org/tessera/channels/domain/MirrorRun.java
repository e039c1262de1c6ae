package org.tessera.channels.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One run of a conda or PyPI mirror into a destination channel, tracked from queued to finished.
 * The YAML is kept as given, so a run resumed after a restart reads the same settings; files
 * already published are skipped then, because their rows exist. Counts: {@code total} files
 * selected, of which {@code done} published, {@code skipped} already there, {@code failed} not
 * published (download, checksum or package check failed). Per-file results and the log are rows
 * of their own ({@link MirrorResult}, {@link MirrorLogLine}).
 */
@Entity
@Table(name = "mirror_run")
public class MirrorRun {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Id
  @Column(name = "id", length = 16)
  private String id;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 8)
  private MirrorKind kind;

  @Column(name = "config", nullable = false, length = 262144)
  private String config;

  @Column(name = "clean", nullable = false)
  private boolean clean;

  @Column(name = "dest_channel", nullable = false, length = Channel.MAX_NAME_LENGTH)
  private String destChannel;

  @Column(name = "owner", nullable = false)
  private String owner;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private MirrorStatus status;

  @Column(name = "total_files", nullable = false)
  private int total;

  @Column(name = "done_files", nullable = false)
  private int done;

  @Column(name = "skipped_files", nullable = false)
  private int skipped;

  @Column(name = "failed_files", nullable = false)
  private int failed;

  @Column(name = "removed_files", nullable = false)
  private int removed;

  @Column(name = "cancel_requested", nullable = false)
  private boolean cancelRequested;

  @Column(name = "message", length = 4000)
  private String message;

  @Column(name = "log_lines", nullable = false)
  private long logLines;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "started_at")
  private OffsetDateTime startedAt;

  @Column(name = "finished_at")
  private OffsetDateTime finishedAt;

  protected MirrorRun() {}

  public MirrorRun(MirrorKind kind, String config, boolean clean, String destChannel, String owner, OffsetDateTime now) {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    this.id = HexFormat.of().formatHex(bytes);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.config = Objects.requireNonNull(config, "config");
    this.clean = clean;
    this.destChannel = Channel.validName(destChannel);
    this.owner = Objects.requireNonNull(owner, "owner");
    this.status = MirrorStatus.QUEUED;
    this.createdAt = now;
  }

  public String id() {
    return id;
  }

  public MirrorKind kind() {
    return kind;
  }

  public String config() {
    return config;
  }

  public boolean clean() {
    return clean;
  }

  public String destChannel() {
    return destChannel;
  }

  public String owner() {
    return owner;
  }

  public MirrorStatus status() {
    return status;
  }

  public int total() {
    return total;
  }

  public int done() {
    return done;
  }

  public int skipped() {
    return skipped;
  }

  public int failed() {
    return failed;
  }

  public int removed() {
    return removed;
  }

  public boolean cancelRequested() {
    return cancelRequested;
  }

  /** Why the run failed or was cancelled, or a summary once it succeeded. */
  public String message() {
    return message;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime startedAt() {
    return startedAt;
  }

  public OffsetDateTime finishedAt() {
    return finishedAt;
  }

  /** The sequence number for the next log line. */
  public long nextLogLine() {
    return logLines++;
  }

  /** Starts, or starts again after a restart; counts are recomputed from the selection. */
  public void start(OffsetDateTime now) {
    if (status.finished()) {
      throw new MirrorFinishedException("Mirror run " + id + " has " + status.label() + "; start a new run instead.");
    }
    status = MirrorStatus.RUNNING;
    if (startedAt == null) {
      startedAt = now;
    }
    done = 0;
    skipped = 0;
    failed = 0;
    removed = 0;
  }

  public void selected(int files) {
    total = files;
  }

  public void published() {
    done++;
  }

  public void skippedFile() {
    skipped++;
  }

  public void failedFile() {
    failed++;
  }

  public void removedFile() {
    removed++;
  }

  /** Asks the running copy to stop after the current file; a queued run is cancelled at once. */
  public void requestCancel(OffsetDateTime now) {
    if (status.finished()) {
      throw new MirrorFinishedException("Mirror run " + id + " has already " + status.label() + "; there is nothing to cancel.");
    }
    cancelRequested = true;
    if (status == MirrorStatus.QUEUED) {
      finish(MirrorStatus.CANCELLED, "Cancelled before it started.", now);
    }
  }

  public void finish(MirrorStatus outcome, String message, OffsetDateTime now) {
    if (!outcome.finished()) {
      throw new IllegalArgumentException("Not a final status: " + outcome);
    }
    this.status = outcome;
    this.message = message == null ? null : message.length() > 4000 ? message.substring(0, 3997) + "..." : message;
    this.finishedAt = now;
  }
}
