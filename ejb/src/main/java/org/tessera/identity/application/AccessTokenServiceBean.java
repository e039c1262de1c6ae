package org.tessera.identity.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.identity.domain.AccessToken;
import org.tessera.identity.domain.AccessTokenAlreadyExistsException;
import org.tessera.identity.domain.AccessTokenNotFoundException;
import org.tessera.identity.domain.AccessTokenRepository;
import org.tessera.identity.domain.AccessTokenSummary;
import org.tessera.identity.domain.IssuedAccessToken;

/** Personal access tokens over {@link AccessTokenRepository}; every change is audited. */
@Stateless
@Local(AccessTokenService.class)
@PermitAll
public class AccessTokenServiceBean implements AccessTokenService {

  @Inject AccessTokenRepository tokens;
  @EJB AuditService audit;

  @Override
  public IssuedAccessToken create(String owner, String name, int expiresInDays) {
    OffsetDateTime now = OffsetDateTime.now();
    IssuedAccessToken.WithEntity issued = AccessToken.issue(owner, name, expiresInDays, now);
    boolean duplicate = tokens.ownedBy(owner).stream().anyMatch(t -> t.isLive(now) && t.name().equals(issued.entity().name()));
    if (duplicate) {
      throw new AccessTokenAlreadyExistsException(issued.entity().name());
    }
    tokens.add(issued.entity());
    audit.record(AuditRecord.success(owner, "identity.token-created", "token:" + issued.issued().id() + " " + issued.issued().name(), null));
    return issued.issued();
  }

  @Override
  public List<AccessTokenSummary> list(String owner) {
    return tokens.ownedBy(owner).stream().map(AccessToken::summary).toList();
  }

  @Override
  public void revoke(String owner, String tokenId) {
    AccessToken token = tokens.byId(tokenId).filter(t -> t.owner().equals(owner)).orElseThrow(() -> new AccessTokenNotFoundException(tokenId));
    token.revoke(OffsetDateTime.now());
    audit.record(AuditRecord.success(owner, "identity.token-revoked", "token:" + token.id() + " " + token.name(), null));
  }

  @Override
  public Optional<String> authenticate(String username, String secret) {
    OffsetDateTime now = OffsetDateTime.now();
    return AccessToken.idOf(secret)
        .flatMap(tokens::byId)
        .filter(t -> t.accepts(username, secret, now))
        .map(
            t -> {
              t.markUsed(now);
              return t.owner();
            });
  }

  @Override
  public Optional<String> authenticate(String secret) {
    OffsetDateTime now = OffsetDateTime.now();
    return AccessToken.idOf(secret)
        .flatMap(tokens::byId)
        .filter(t -> t.accepts(t.owner(), secret, now))
        .map(
            t -> {
              t.markUsed(now);
              return t.owner();
            });
  }
}
