package org.tessera.channels.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** One line of a mirror run's log, numbered in the order written. */
@Entity
@Table(name = "mirror_log")
@IdClass(MirrorLogLine.Key.class)
public class MirrorLogLine {

  /** Run and line number. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String runId;
    private long seq;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && java.util.Objects.equals(runId, k.runId) && seq == k.seq;
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(runId, seq);
    }
  }

  @Id
  @Column(name = "run_id", length = 16)
  private String runId;

  @Id
  @Column(name = "seq")
  private long seq;

  @Column(name = "logged_at", nullable = false)
  private OffsetDateTime loggedAt;

  @Column(name = "line", nullable = false, length = 4000)
  private String line;

  protected MirrorLogLine() {}

  public MirrorLogLine(String runId, long seq, String line, OffsetDateTime now) {
    this.runId = runId;
    this.seq = seq;
    this.line = line.length() > 4000 ? line.substring(0, 3997) + "..." : line;
    this.loggedAt = now;
  }

  public long seq() {
    return seq;
  }

  public OffsetDateTime loggedAt() {
    return loggedAt;
  }

  public String line() {
    return line;
  }
}
