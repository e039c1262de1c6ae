package org.tessera.projects.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.tessera.projects.domain.Collaborator;
import org.tessera.projects.domain.Project;
import org.tessera.projects.domain.ProjectId;
import org.tessera.projects.domain.ProjectName;
import org.tessera.projects.domain.ProjectRepository;

/** Projects in the {@code project} table. */
@ApplicationScoped
public class JpaProjectRepository implements ProjectRepository {

  @PersistenceContext(unitName = "tessera")
  EntityManager em;

  @Override
  public void add(Project project) {
    em.persist(project);
  }

  @Override
  public Optional<Project> byId(ProjectId id) {
    return Optional.ofNullable(em.find(Project.class, id.value()));
  }

  @Override
  public Optional<Project> byOwnerAndName(String owner, ProjectName name) {
    return em.createQuery("SELECT p FROM Project p WHERE p.owner = :owner AND p.name = :name", Project.class)
        .setParameter("owner", owner)
        .setParameter("name", name.value())
        .getResultStream()
        .findFirst();
  }

  @Override
  public void remove(Project project) {
    em.remove(project);
  }

  @Override
  public List<Project> visibleTo(String username, Collection<String> groups) {
    // IN () is not valid SQL: a group name no one can have stands in for "no groups".
    List<String> groupNames = groups.isEmpty() ? List.of("\u0000") : List.copyOf(groups);
    return em.createQuery(
            "SELECT DISTINCT p FROM Project p LEFT JOIN p.collaborators c WHERE p.owner = :user"
                + " OR (c.kind = :userKind AND c.name = :user)"
                + " OR (c.kind = :groupKind AND c.name IN :groups)"
                + " ORDER BY p.name, p.owner",
            Project.class)
        .setParameter("user", username)
        .setParameter("groups", groupNames)
        .setParameter("userKind", Collaborator.Kind.USER)
        .setParameter("groupKind", Collaborator.Kind.GROUP)
        .getResultList();
  }

  @Override
  public List<Project> all() {
    return em.createQuery("SELECT p FROM Project p ORDER BY p.owner, p.name", Project.class).getResultList();
  }
}
