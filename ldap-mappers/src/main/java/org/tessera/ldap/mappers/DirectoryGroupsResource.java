package org.tessera.ldap.mappers;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.storage.ldap.LDAPConfig;
import org.keycloak.storage.ldap.LDAPStorageProvider;
import org.keycloak.storage.ldap.LDAPUtils;
import org.keycloak.storage.ldap.idm.query.internal.LDAPQuery;
import org.keycloak.storage.ldap.idm.query.internal.LDAPQueryConditionsBuilder;
import org.keycloak.storage.ldap.idm.model.LDAPObject;
import org.keycloak.storage.ldap.mappers.LDAPStorageMapper;

/**
 * {@code GET /admin/realms/{realm}/tessera-directory-groups/{directoryId}/users/{username}}: the
 * DNs of the directory groups a user is in, found exactly as {@link GroupRulesLDAPStorageMapper}
 * finds them at sign-in and sync (same search code, same settings), with the LDAP provider's stored
 * bind credential, which never leaves Keycloak. Tessera's admin preview evaluates its rules (saved
 * or not) against these DNs.
 *
 * <p>Settings come as query parameters named like the mapper's config keys ({@code groups.dn},
 * {@code group.object.classes}, {@code membership.ldap.attribute}, {@code
 * membership.attribute.type}, {@code membership.user.ldap.attribute}, {@code nested.groups.ad}),
 * so that unsaved settings can be previewed too. Needs the realm-management role view-realm.
 * Answers {@code {"username", "dn", "groups": [...]}}, 404 with {@code errorMessage} for an unknown
 * directory or user, 502 when the directory cannot be searched.
 */
public class DirectoryGroupsResource {

  private static final Logger logger = Logger.getLogger(DirectoryGroupsResource.class);
  private static final String USER_STORAGE_SPI = "org.keycloak.storage.UserStorageProvider";

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;

  DirectoryGroupsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
  }

  @GET
  @Path("{directoryId}/users/{username}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response userGroups(
      @PathParam("directoryId") String directoryId,
      @PathParam("username") String username,
      @QueryParam(GroupRulesLDAPStorageMapper.GROUPS_DN) String groupsDn,
      @QueryParam(GroupRulesLDAPStorageMapper.GROUP_OBJECT_CLASSES) String objectClasses,
      @QueryParam(GroupRulesLDAPStorageMapper.MEMBERSHIP_ATTRIBUTE) String membershipAttribute,
      @QueryParam(GroupRulesLDAPStorageMapper.MEMBERSHIP_TYPE) String membershipType,
      @QueryParam(GroupRulesLDAPStorageMapper.MEMBERSHIP_USER_ATTRIBUTE) String membershipUserAttribute,
      @QueryParam(GroupRulesLDAPStorageMapper.NESTED_AD_GROUPS) String nested) {
    auth.realm().requireViewRealm();
    ComponentModel directory = realm.getComponent(directoryId);
    if (directory == null || !"ldap".equals(directory.getProviderId())) {
      return error(Response.Status.NOT_FOUND, "No LDAP directory with id " + directoryId + " in realm " + realm.getName() + ".");
    }
    if (groupsDn == null || groupsDn.isBlank()) {
      return error(Response.Status.BAD_REQUEST, "Say where the groups are: query parameter groups.dn, for example ou=groups,dc=example,dc=org.");
    }
    ComponentModel settings = new ComponentModel();
    settings.setId("preview");
    settings.setName("preview");
    settings.setParentId(directoryId);
    settings.setProviderId(GroupRulesLDAPStorageMapperFactory.PROVIDER_ID);
    settings.setProviderType(LDAPStorageMapper.class.getName());
    put(settings, GroupRulesLDAPStorageMapper.GROUPS_DN, groupsDn);
    put(settings, GroupRulesLDAPStorageMapper.GROUP_OBJECT_CLASSES, objectClasses);
    put(settings, GroupRulesLDAPStorageMapper.MEMBERSHIP_ATTRIBUTE, membershipAttribute);
    put(settings, GroupRulesLDAPStorageMapper.MEMBERSHIP_TYPE, membershipType);
    put(settings, GroupRulesLDAPStorageMapper.MEMBERSHIP_USER_ATTRIBUTE, membershipUserAttribute);
    put(settings, GroupRulesLDAPStorageMapper.NESTED_AD_GROUPS, nested);
    try {
      // Through Object: the provider's supertypes are not on the compile class path (see userStorageSpi).
      Object provider = session.getProvider(userStorageSpi(), directory);
      LDAPStorageProvider ldap = (LDAPStorageProvider) provider;
      String usernameAttribute = new LDAPConfig(directory.getConfig()).getUsernameLdapAttribute();
      LDAPObject user;
      try (LDAPQuery query = LDAPUtils.createQueryForUserSearch(ldap, realm)) {
        query.addWhereCondition(new LDAPQueryConditionsBuilder().equal(usernameAttribute, username));
        user = query.getFirstResult();
      }
      if (user == null) {
        return error(Response.Status.NOT_FOUND, "The directory has no user " + username + " (searched by " + usernameAttribute + ").");
      }
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("username", username);
      answer.put("dn", user.getDn().toString());
      answer.put("groups", new TreeSet<>(new DirectoryGroups(settings, ldap).of(user)));
      return Response.ok(answer).build();
    } catch (RuntimeException e) {
      logger.warnf(e, "Reading the groups of '%s' from directory '%s' failed", username, directory.getName());
      return error(Response.Status.BAD_GATEWAY, "The directory could not be searched: " + e.getMessage());
    }
  }

  /**
   * The SPI interface by name: it lives in keycloak-model-storage, whose POM cannot be resolved
   * from Maven Central (see README), and this is the only place that needs it.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Class<Provider> userStorageSpi() {
    try {
      return (Class) Class.forName(USER_STORAGE_SPI, false, LDAPStorageProvider.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Keycloak has no " + USER_STORAGE_SPI, e);
    }
  }

  private static void put(ComponentModel model, String key, String value) {
    if (value != null && !value.isBlank()) {
      model.getConfig().putSingle(key, value.strip());
    }
  }

  private static Response error(Response.Status status, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("errorMessage", message)).build();
  }
}
