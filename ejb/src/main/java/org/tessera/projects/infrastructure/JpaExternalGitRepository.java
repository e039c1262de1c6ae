package org.tessera.projects.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.tessera.projects.domain.ExternalGitCredential;
import org.tessera.projects.domain.ExternalGitRepository;
import org.tessera.projects.domain.ExternalGitSettings;
import org.tessera.projects.domain.ProjectId;
import org.tessera.projects.domain.ProjectMirror;

/** The {@code external_git} row and the {@code project_mirror} table. */
@ApplicationScoped
public class JpaExternalGitRepository implements ExternalGitRepository {

  @PersistenceContext(unitName = "tessera")
  EntityManager em;

  @Override
  public Optional<ExternalGitSettings> settings() {
    return Optional.ofNullable(em.find(ExternalGitSettings.class, ExternalGitSettings.SINGLETON));
  }

  @Override
  public void save(ExternalGitSettings settings) {
    if (em.contains(settings)) {
      return;
    }
    em.persist(settings);
  }

  @Override
  public void delete() {
    settings().ifPresent(em::remove);
  }

  @Override
  public Optional<ProjectMirror> mirrorOf(ProjectId id) {
    return Optional.ofNullable(em.find(ProjectMirror.class, id.value()));
  }

  @Override
  public Optional<ExternalGitCredential> credentialOf(String username) {
    return Optional.ofNullable(em.find(ExternalGitCredential.class, username));
  }

  @Override
  public void save(ExternalGitCredential credential) {
    if (!em.contains(credential)) {
      em.persist(credential);
    }
  }

  @Override
  public void delete(ExternalGitCredential credential) {
    em.remove(em.contains(credential) ? credential : em.merge(credential));
  }

  @Override
  public void save(ProjectMirror mirror) {
    if (!em.contains(mirror)) {
      em.persist(mirror);
    }
  }
}
