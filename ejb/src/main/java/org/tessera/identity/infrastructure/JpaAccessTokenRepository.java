package org.tessera.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.tessera.identity.domain.AccessToken;
import org.tessera.identity.domain.AccessTokenRepository;

/** Tokens in the {@code access_token} table. */
@ApplicationScoped
public class JpaAccessTokenRepository implements AccessTokenRepository {

  @PersistenceContext(unitName = "tessera")
  EntityManager em;

  @Override
  public void add(AccessToken token) {
    em.persist(token);
  }

  @Override
  public Optional<AccessToken> byId(String id) {
    return Optional.ofNullable(em.find(AccessToken.class, id));
  }

  @Override
  public List<AccessToken> ownedBy(String owner) {
    return em.createQuery("SELECT t FROM AccessToken t WHERE t.owner = :owner ORDER BY t.createdAt DESC", AccessToken.class)
        .setParameter("owner", owner)
        .getResultList();
  }
}
