package org.tessera.ldap.mappers;

import java.util.List;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.storage.ldap.LDAPStorageProvider;
import org.keycloak.storage.ldap.mappers.AbstractLDAPStorageMapper;
import org.keycloak.storage.ldap.mappers.AbstractLDAPStorageMapperFactory;

/**
 * Factory of {@link DefaultGroupLDAPStorageMapper}: its id, its one setting and the check that
 * refuses a bad group when the mapper is saved (admin console, admin REST or realm import).
 */
public class DefaultGroupLDAPStorageMapperFactory extends AbstractLDAPStorageMapperFactory {

  public static final String PROVIDER_ID = "tessera-default-group-ldap-mapper";

  private static final List<ProviderConfigProperty> CONFIG_PROPERTIES;

  static {
    ProviderConfigProperty group =
        createConfigProperty(
            DefaultGroupLDAPStorageMapper.GROUP,
            "Group",
            "Keycloak group that every user from this directory is put in, as a full path from the"
                + " top-level group. The group must exist already. For example '/everyone' or"
                + " '/staff/data-science'.",
            ProviderConfigProperty.GROUP_TYPE,
            null,
            true);
    group.setDefaultValue(DefaultGroupLDAPStorageMapper.DEFAULT_GROUP);
    CONFIG_PROPERTIES = List.of(group);
  }

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String getHelpText() {
    return "Puts every user imported from or logging in through this directory into one Keycloak"
               + " group, so that the roles of that group apply to all directory users.";
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return CONFIG_PROPERTIES;
  }

  /**
   * Refuses a missing or blank group (Keycloak removes blank settings before calling this, so both
   * arrive as absent), a path that does not start with '/', and a group that does not exist in
   * {@code realm}. The first two checks need neither {@code session} nor {@code realm}.
   *
   * <p>Keycloak formats the message with {@link java.text.MessageFormat} and the exception's
   * parameters before showing it, so the messages carry the path as a parameter (a group name may
   * contain quotes or braces) and contain no apostrophes.
   */
  @Override
  public void validateConfiguration(
      KeycloakSession session, RealmModel realm, ComponentModel config)
      throws ComponentValidationException {
    String path = DefaultGroupLDAPStorageMapper.groupPath(config);
    if (path == null) {
      throw new ComponentValidationException(
          "No group is configured. Enter the full path of an existing"
              + " group, for example \"{0}\".",
          DefaultGroupLDAPStorageMapper.DEFAULT_GROUP);
    }
    if (!path.startsWith("/")) {
      throw new ComponentValidationException(
          "The group \"{0}\" is not a full path. Enter the path from the"
              + " top-level group, starting with a slash, for example \"/{0}\".",
          path);
    }
    if (KeycloakModelUtils.findGroupByPath(session, realm, path) == null) {
      throw new ComponentValidationException(
          "The group \"{0}\" does not exist in realm \"{1}\". Create it"
              + " first or choose an existing group.",
          path, realm.getName());
    }
  }

  @Override
  protected AbstractLDAPStorageMapper createMapper(
      ComponentModel mapperModel, LDAPStorageProvider federationProvider) {
    return new DefaultGroupLDAPStorageMapper(mapperModel, federationProvider);
  }
}
