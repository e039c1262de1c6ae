package org.tessera.channels.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;

/** What a mirror run did with one upstream file: published, skipped, failed, excluded or removed. */
@Entity
@Table(name = "mirror_result")
public class MirrorResult {

  /** The outcome for one file. */
  public enum Outcome {
    PUBLISHED,
    SKIPPED,
    FAILED,
    REMOVED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  @Id
  @Column(name = "id", length = 16)
  private String id;

  @Column(name = "run_id", nullable = false, length = 16)
  private String runId;

  @Column(name = "package_name", nullable = false)
  private String packageName;

  @Column(name = "file_path", nullable = false, length = 600)
  private String file;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(name = "outcome", nullable = false, length = 16)
  private Outcome outcome;

  @Column(name = "message", length = 2000)
  private String message;

  @Column(name = "recorded_at", nullable = false)
  private OffsetDateTime recordedAt;

  protected MirrorResult() {}

  public MirrorResult(String runId, String packageName, String file, Outcome outcome, String message, OffsetDateTime now) {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    this.id = HexFormat.of().formatHex(bytes);
    this.runId = runId;
    this.packageName = packageName;
    this.file = file;
    this.outcome = outcome;
    this.message = message == null ? null : message.length() > 2000 ? message.substring(0, 1997) + "..." : message;
    this.recordedAt = now;
  }

  public String packageName() {
    return packageName;
  }

  /** {@code subdir/filename} in the destination channel. */
  public String file() {
    return file;
  }

  public Outcome outcome() {
    return outcome;
  }

  public String message() {
    return message;
  }

  public OffsetDateTime recordedAt() {
    return recordedAt;
  }

  /** Replaces the outcome when a resumed run reaches the same file again. */
  public void update(Outcome outcome, String message, OffsetDateTime now) {
    this.outcome = outcome;
    this.message = message == null ? null : message.length() > 2000 ? message.substring(0, 1997) + "..." : message;
    this.recordedAt = now;
  }
}
