package org.tessera.projects.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * How mirroring one project to the external git service went: the newest successful push, the
 * newest error (kept until a later push succeeds, so the page shows it), and the newest pull. The
 * row goes with its project (the foreign key cascades).
 */
@Entity
@Table(name = "project_mirror")
public class ProjectMirror {

  private static final int MAX_TEXT = 2000;

  @Id
  @Column(name = "project_id", length = 16)
  private String projectId;

  @Column(name = "remote_url", length = MAX_TEXT)
  private String remoteUrl;

  @Column(name = "last_push_at")
  private OffsetDateTime lastPushAt;

  @Column(name = "last_pushed", length = MAX_TEXT)
  private String lastPushed;

  @Column(name = "last_error_at")
  private OffsetDateTime lastErrorAt;

  @Column(name = "last_error", length = MAX_TEXT)
  private String lastError;

  @Column(name = "last_pull_at")
  private OffsetDateTime lastPullAt;

  protected ProjectMirror() {}

  public ProjectMirror(ProjectId id) {
    this.projectId = id.value();
  }

  /** A push that went through; clears the previous error. */
  public void pushed(String remoteUrl, String what, OffsetDateTime at) {
    this.remoteUrl = remoteUrl;
    this.lastPushed = clip(what);
    this.lastPushAt = at;
    this.lastError = null;
    this.lastErrorAt = null;
  }

  public void failed(String remoteUrl, String error, OffsetDateTime at) {
    this.remoteUrl = remoteUrl;
    this.lastError = clip(error);
    this.lastErrorAt = at;
  }

  public void pulled(String remoteUrl, OffsetDateTime at) {
    this.remoteUrl = remoteUrl;
    this.lastPullAt = at;
  }

  private static String clip(String text) {
    return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
  }

  public MirrorStatus status(boolean enabled, String currentRemoteUrl) {
    return new MirrorStatus(enabled, currentRemoteUrl == null ? remoteUrl : currentRemoteUrl, lastPushAt, lastPushed, lastErrorAt, lastError, lastPullAt, null);
  }

  public boolean everPushed() {
    return lastPushAt != null;
  }
}
