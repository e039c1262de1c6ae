package org.tessera.projects.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Collection;
import java.util.Objects;

/** A user or a group a project is shared with, and how far. */
@Embeddable
public class Collaborator {

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

  @Enumerated(EnumType.STRING)
  @Column(name = "access", nullable = false, length = 8)
  private ProjectAccess access;

  protected Collaborator() {}

  public Collaborator(Kind kind, String name, ProjectAccess access) {
    if (name == null || name.isBlank()) {
      throw new InvalidCollaboratorException("Name the user or the group to share with.");
    }
    if (access != ProjectAccess.READ && access != ProjectAccess.WRITE) {
      throw new InvalidCollaboratorException("Share with read or write access.");
    }
    this.kind = Objects.requireNonNull(kind, "kind");
    this.name = name.strip();
    this.access = access;
  }

  public Kind kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  public ProjectAccess access() {
    return access;
  }

  boolean is(Kind kind, String name) {
    return this.kind == kind && this.name.equals(name);
  }

  boolean covers(String username, Collection<String> groups) {
    return kind == Kind.USER ? name.equals(username) : groups.contains(name);
  }

  void grant(ProjectAccess access) {
    this.access = access;
  }
}
