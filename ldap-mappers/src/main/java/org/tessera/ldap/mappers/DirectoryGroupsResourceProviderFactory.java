package org.tessera.ldap.mappers;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/**
 * Registers {@link DirectoryGroupsResource} under {@code /admin/realms/{realm}/tessera-directory-groups}
 * (Keycloak's admin REST extension SPI: Keycloak authenticates the caller and hands over its
 * permissions).
 */
public class DirectoryGroupsResourceProviderFactory implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider {

  public static final String ID = "tessera-directory-groups";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public AdminRealmResourceProvider create(KeycloakSession session) {
    return this;
  }

  @Override
  public Object getResource(KeycloakSession session, org.keycloak.models.RealmModel realm,
      org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator auth,
      org.keycloak.services.resources.admin.AdminEventBuilder adminEvent) {
    return new DirectoryGroupsResource(session, realm, auth);
  }

  @Override
  public void init(Config.Scope config) {
    // nothing to configure
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    // nothing to set up
  }

  @Override
  public void close() {
    // stateless
  }
}
