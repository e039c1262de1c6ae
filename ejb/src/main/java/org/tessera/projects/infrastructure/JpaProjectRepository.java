package org.tessera.projects.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
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
  public List<Project> visibleTo(String username) {
    return em.createQuery("SELECT p FROM Project p WHERE p.owner = :user ORDER BY p.name", Project.class).setParameter("user", username).getResultList();
  }
}
