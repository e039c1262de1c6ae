package org.tessera.deployments.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.tessera.deployments.domain.Deployment;
import org.tessera.deployments.domain.DeploymentToken;

/** Deployments, their versions and shares, and their tokens. */
@ApplicationScoped
public class DeploymentRows {

  @PersistenceContext(unitName = "tessera")
  EntityManager em;

  public void add(Deployment deployment) {
    em.persist(deployment);
    em.flush();
  }

  public Optional<Deployment> byId(String id) {
    return Optional.ofNullable(em.find(Deployment.class, id));
  }

  public Optional<Deployment> byUrlPath(String urlPath) {
    return em.createQuery("SELECT d FROM Deployment d WHERE d.urlPath = :path", Deployment.class).setParameter("path", urlPath).getResultStream().findFirst();
  }

  /** Whether a deployment has this name or serves at this path: both live in one namespace of URLs. */
  public boolean nameOrPathTaken(String value) {
    return !em.createQuery("SELECT d.id FROM Deployment d WHERE d.name = :v OR d.urlPath = :v", String.class).setParameter("v", value).setMaxResults(1).getResultList().isEmpty();
  }

  public List<Deployment> all() {
    return em.createQuery("SELECT d FROM Deployment d ORDER BY d.createdAt DESC", Deployment.class).getResultList();
  }

  public List<Deployment> ofProject(String projectId) {
    return em.createQuery("SELECT d FROM Deployment d WHERE d.projectId = :p ORDER BY d.createdAt DESC", Deployment.class).setParameter("p", projectId).getResultList();
  }

  public void remove(Deployment deployment) {
    em.createQuery("DELETE FROM DeploymentToken t WHERE t.deploymentId = :d").setParameter("d", deployment.id()).executeUpdate();
    em.remove(deployment);
  }

  public void addToken(DeploymentToken token) {
    em.persist(token);
  }

  public Optional<DeploymentToken> token(String id) {
    return Optional.ofNullable(em.find(DeploymentToken.class, id));
  }

  public List<DeploymentToken> tokensOf(String deploymentId) {
    return em.createQuery("SELECT t FROM DeploymentToken t WHERE t.deploymentId = :d ORDER BY t.createdAt DESC", DeploymentToken.class).setParameter("d", deploymentId).getResultList();
  }
}
