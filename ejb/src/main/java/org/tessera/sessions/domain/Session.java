package org.tessera.sessions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An editor session of a user on a project. Its process belongs to the runtime, which knows its
 * state; this row holds what the runtime does not: whose it is, on which project, the editor and
 * profile, and the secret the proxy shows the editor on the user's behalf (never the user).
 */
@Entity
@Table(name = "editor_session")
public class Session {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Id
  @Column(length = 16)
  private String id;

  @Column(name = "project_id", nullable = false, length = 16)
  private String projectId;

  @Column(nullable = false, length = 255)
  private String owner;

  @Column(nullable = false, length = 16)
  private String editor;

  @Column(nullable = false, length = 63)
  private String profile;

  @Column(nullable = false, length = 64)
  private String secret;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "stopped_at")
  private OffsetDateTime stoppedAt;

  protected Session() {}

  public Session(String projectId, String owner, Editor editor, String profile, OffsetDateTime now) {
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    this.id = HexFormat.of().formatHex(id);
    this.projectId = projectId;
    this.owner = owner;
    this.editor = editor.key();
    this.profile = profile;
    this.secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    this.createdAt = now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  public String id() {
    return id;
  }

  public String projectId() {
    return projectId;
  }

  public String owner() {
    return owner;
  }

  public String editor() {
    return editor;
  }

  public String profile() {
    return profile;
  }

  public String secret() {
    return secret;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime stoppedAt() {
    return stoppedAt;
  }

  public boolean isStopped() {
    return stoppedAt != null;
  }

  /** The path under Tessera's origin where the proxy serves it. */
  public String path() {
    return "/s/" + id + "/";
  }

  /** A restarted session runs again, whether it had been stopped or not. */
  public void markRestarted() {
    stoppedAt = null;
  }

  public void markStopped(OffsetDateTime now) {
    if (stoppedAt == null) {
      stoppedAt = now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
  }
}
