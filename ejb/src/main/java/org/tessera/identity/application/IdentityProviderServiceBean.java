package org.tessera.identity.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.audit.domain.AuditEvent.Outcome;
import org.tessera.identity.domain.IdentityBrokers;
import org.tessera.identity.domain.IdentityProvider;
import org.tessera.identity.domain.IdentityProviderAlreadyExistsException;
import org.tessera.identity.domain.IdentityProviderNotFoundException;
import org.tessera.identity.domain.IdentityProviderSettings;
import org.tessera.identity.domain.InvalidIdentityProviderException;
import org.tessera.identity.domain.Roles;

/** Identity providers through {@link IdentityBrokers} (Keycloak), checked before anything is sent. */
@Stateless
@Local(IdentityProviderService.class)
@RolesAllowed(Roles.ADMIN)
public class IdentityProviderServiceBean implements IdentityProviderService {

  @Inject IdentityBrokers brokers;
  @EJB AuditService audit;

  @Override
  public List<IdentityProvider> list() {
    return brokers.list();
  }

  @Override
  public IdentityProvider get(String alias) {
    return brokers.find(alias).orElseThrow(() -> new IdentityProviderNotFoundException(alias));
  }

  @Override
  public IdentityProvider add(IdentityProviderSettings settings, String actor) {
    IdentityProviderSettings checked = settings.completed(true);
    if (brokers.find(checked.alias()).isPresent()) {
      throw new IdentityProviderAlreadyExistsException(checked.alias());
    }
    brokers.create(checked);
    audit.record(new AuditRecord(actor, "identity.idp-added", checked.alias(), null, Outcome.SUCCESS, describe(checked)));
    return get(checked.alias());
  }

  @Override
  public IdentityProvider update(String alias, IdentityProviderSettings settings, String actor) {
    IdentityProvider stored = get(alias);
    if (settings.alias() != null && !settings.alias().isBlank() && !settings.alias().strip().equals(alias)) {
      throw new InvalidIdentityProviderException("alias", "The alias is part of the redirect URI the identity provider knows and cannot change: add a new provider with the new alias instead.");
    }
    if (settings.type() != null && !settings.type().isBlank() && !settings.type().strip().equalsIgnoreCase(stored.settings().type())) {
      throw new InvalidIdentityProviderException("type", "A " + stored.settings().type() + " provider cannot become " + settings.type() + ": add a new provider instead.");
    }
    IdentityProviderSettings checked = settings.forProvider(alias, stored.settings().type()).completed(false);
    brokers.update(alias, checked);
    audit.record(new AuditRecord(actor, "identity.idp-changed", alias, null, Outcome.SUCCESS,
        describe(checked) + (checked.clientSecret() == null ? "" : " clientSecret=changed")));
    return get(alias);
  }

  @Override
  public void remove(String alias, String actor) {
    brokers.delete(alias);
    audit.record(AuditRecord.success(actor, "identity.idp-removed", alias, null));
  }

  /** The audit detail: what identifies the provider and its mappers, never the secret. */
  private static String describe(IdentityProviderSettings s) {
    StringBuilder d = new StringBuilder("type=" + s.type());
    for (String[] field : new String[][] {{"metadataUrl", s.metadataUrl()}, {"ssoUrl", s.ssoUrl()}, {"discoveryUrl", s.discoveryUrl()}, {"clientId", s.clientId()}}) {
      if (field[1] != null) {
        d.append(' ').append(field[0]).append('=').append(field[1]);
      }
    }
    if (s.metadataXml() != null) {
      d.append(" metadataXml=pasted");
    }
    if (s.enabled() != null) {
      d.append(" enabled=").append(s.enabled());
    }
    if (s.mappers() != null) {
      d.append(" mappers=").append(s.mappers().stream().map(m -> m.name() + (m.role() == null ? "" : "→" + m.role())).toList());
    }
    return d.toString();
  }
}
