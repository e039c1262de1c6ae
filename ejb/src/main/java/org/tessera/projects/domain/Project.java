package org.tessera.projects.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A project: an owner's named, git-backed piece of work. The files and their history live in the
 * project's bare git repository (named by its {@link ProjectId}, so renames never move it); this
 * aggregate holds what git does not: who owns it, its name and description, the template it came
 * from, and whom it is shared with. Names are unique per owner (enforced by the database too).
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

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "project_collaborator", joinColumns = @JoinColumn(name = "project_id"))
  private List<Collaborator> collaborators = new ArrayList<>();

  @Column(name = "allow_history_rewrite", nullable = false)
  private boolean allowHistoryRewrite;

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

  /** Whether pushes may rewrite the default branch's history (force pushes); off unless the owner allows it. */
  public boolean allowsHistoryRewrite() {
    return allowHistoryRewrite;
  }

  public void allowHistoryRewrite(boolean allowed) {
    this.allowHistoryRewrite = allowed;
  }

  public List<Collaborator> collaborators() {
    return List.copyOf(collaborators);
  }

  /**
   * The most the user may do: {@link ProjectAccess#MANAGE} for the owner (and administrators),
   * else the highest access of the shares that name the user or one of their groups.
   */
  public Optional<ProjectAccess> accessOf(String username, Collection<String> groups, boolean administrator) {
    if (owner.equals(username) || administrator) {
      return Optional.of(ProjectAccess.MANAGE);
    }
    return collaborators.stream().filter(c -> c.covers(username, groups)).map(Collaborator::access).max(Enum::compareTo);
  }

  /** Shares the project, or changes the access of an existing share. */
  public void share(Collaborator.Kind kind, String name, ProjectAccess access) {
    Collaborator wanted = new Collaborator(kind, name, access);
    if (kind == Collaborator.Kind.USER && wanted.name().equals(owner)) {
      throw new InvalidCollaboratorException(owner + " owns " + owner + "/" + this.name + " already; share it with someone else.");
    }
    collaborators.stream().filter(c -> c.is(kind, wanted.name())).findFirst().ifPresentOrElse(c -> c.grant(access), () -> collaborators.add(wanted));
  }

  /** Removes a share; an unknown one is an error so that typos do not pass silently. */
  public void unshare(Collaborator.Kind kind, String name) {
    if (!collaborators.removeIf(c -> c.is(kind, name))) {
      throw new CollaboratorNotFoundException(this, kind, name);
    }
  }

  /** Gives the project to another user; the previous owner keeps write access as a collaborator. */
  public void transferTo(String newOwner) {
    if (newOwner == null || newOwner.isBlank()) {
      throw new InvalidCollaboratorException("Name the user who should own the project.");
    }
    if (newOwner.equals(owner)) {
      throw new InvalidCollaboratorException(owner + " owns the project already.");
    }
    String previous = owner;
    collaborators.removeIf(c -> c.is(Collaborator.Kind.USER, newOwner.strip()));
    owner = newOwner.strip();
    share(Collaborator.Kind.USER, previous, ProjectAccess.WRITE);
  }

}
