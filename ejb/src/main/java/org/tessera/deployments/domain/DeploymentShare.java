package org.tessera.deployments.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Collection;
import java.util.Objects;

/** A user or a group a private deployment is shared with. */
@Embeddable
public class DeploymentShare {

  /** Whether {@link #name()} is a user name or a group name. */
  public enum Kind {
    USER,
    GROUP
  }

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 8)
  private Kind kind;

  @Column(name = "name", nullable = false, length = 255)
  private String name;

  protected DeploymentShare() {}

  public DeploymentShare(Kind kind, String name) {
    if (name == null || name.isBlank() || name.strip().length() > 255) {
      throw new InvalidDeploymentRequestException("name", "Name the user or the group to share with (at most 255 characters).");
    }
    this.kind = Objects.requireNonNull(kind, "kind");
    this.name = name.strip();
  }

  public Kind kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  boolean is(Kind kind, String name) {
    return this.kind == kind && this.name.equals(name);
  }

  boolean covers(String username, Collection<String> groups) {
    return kind == Kind.USER ? name.equals(username) : groups.contains(name);
  }
}
