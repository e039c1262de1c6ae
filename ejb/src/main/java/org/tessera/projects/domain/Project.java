package org.tessera.projects.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A project: an owner's named, git-backed piece of work. The files and their history live in the
 * project's bare git repository (named by its {@link ProjectId}, so renames never move it); this
 * aggregate holds what git does not: who owns it, its name and description, the template it came
 * from. Names are unique per owner (enforced by the database too).
 */
@Entity
@Table(name = "project")
public class Project {

  @Id
  @Column(length = 16)
  private String id;

  @Column(nullable = false, length = 255)
  private String owner;

  @Column(nullable = false, length = ProjectName.MAX_LENGTH)
  private String name;

  @Column(length = 1000)
  private String description;

  @Column(nullable = false, length = 32)
  private String template;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Version private long version;

  protected Project() {}

  public Project(ProjectId id, String owner, ProjectName name, String description, ProjectTemplate template, OffsetDateTime createdAt) {
    this.id = Objects.requireNonNull(id, "id").value();
    if (owner == null || owner.isBlank()) {
      throw new IllegalArgumentException("A project needs an owner.");
    }
    this.owner = owner;
    this.name = Objects.requireNonNull(name, "name").value();
    this.description = description == null || description.isBlank() ? null : description.strip();
    if (this.description != null && this.description.length() > 1000) {
      throw new InvalidProjectNameException("The description is longer than 1000 characters; shorten it.");
    }
    this.template = Objects.requireNonNull(template, "template").key();
    this.createdAt = createdAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  public ProjectId id() {
    return new ProjectId(id);
  }

  public String owner() {
    return owner;
  }

  public ProjectName name() {
    return new ProjectName(name);
  }

  public String description() {
    return description;
  }

  public ProjectTemplate template() {
    return ProjectTemplate.byKey(template);
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /** Whether the user may read the project (collaborators come with sharing). */
  public boolean isVisibleTo(String username) {
    return owner.equals(username);
  }

  /** Whether the user may push to the project's repository. */
  public boolean isWritableBy(String username) {
    return owner.equals(username);
  }
}
