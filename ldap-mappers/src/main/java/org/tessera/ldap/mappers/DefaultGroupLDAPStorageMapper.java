package org.tessera.ldap.mappers;

import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.RoleUtils;
import org.keycloak.models.utils.UserModelDelegate;
import org.keycloak.storage.ldap.LDAPStorageProvider;
import org.keycloak.storage.ldap.idm.model.LDAPObject;
import org.keycloak.storage.ldap.idm.query.internal.LDAPQuery;
import org.keycloak.storage.ldap.mappers.AbstractLDAPStorageMapper;

/**
 * Puts every user that comes from the directory into one Keycloak group (the admin console offers
 * {@code /everyone}), so that the realm roles of that group (Tessera's baseline permissions) reach
 * directory users without an administrator adding each of them by hand.
 *
 * <p>Two hooks do the work:
 *
 * <ul>
 *   <li>{@link #onImportUserFromLDAP} runs when a user is imported at first login and for every
 *       user touched by a full or changed-users sync; it makes the membership real (stored in
 *       Keycloak's database, visible in the admin console). Without import the user is an in-memory
 *       copy and the membership lasts for the request, which is all such a user ever has.
 *   <li>{@link #proxy} runs every time the LDAP provider hands out a user, so also when a user who
 *       was imported before this mapper existed logs in. Until the next sync stores the membership,
 *       the returned delegate reports the group (and its roles) as if it were stored, the way
 *       Keycloak's {@code HardcodedLDAPGroupStorageMapper} does; it writes nothing.
 * </ul>
 *
 * Leaving the group is refused for directory users: the rule is that all of them are in it. To
 * change that, change or remove the mapper.
 *
 * <p>A group that disappears after the mapper was saved is logged as a warning and skipped; it
 * never blocks a login. Like every LDAP mapper this object lives for one Keycloak session (one
 * request) and is not shared between threads.
 */
public class DefaultGroupLDAPStorageMapper extends AbstractLDAPStorageMapper {

  private static final Logger logger = Logger.getLogger(DefaultGroupLDAPStorageMapper.class);

  /** Config key: full path of the Keycloak group, from the top-level group, starting with '/'. */
  public static final String GROUP = "group";

  /**
   * Group offered when an administrator adds the mapper in the admin console. It is only the form's
   * default: a saved mapper always names its group, since Keycloak drops blank settings before
   * validation and an absent group is refused like an empty one.
   */
  public static final String DEFAULT_GROUP = "/everyone";

  private GroupModel group;
  private boolean groupResolved;

  public DefaultGroupLDAPStorageMapper(
      ComponentModel mapperModel, LDAPStorageProvider ldapProvider) {
    super(mapperModel, ldapProvider);
  }

  /**
   * The configured group path, trimmed; null when the configuration has no {@link #GROUP} entry or
   * only whitespace in it.
   */
  public static String groupPath(ComponentModel mapperModel) {
    String configured = mapperModel.getConfig().getFirst(GROUP);
    if (configured == null || configured.isBlank()) {
      return null;
    }
    return configured.trim();
  }

  @Override
  public void onImportUserFromLDAP(
      LDAPObject ldapUser, UserModel user, RealmModel realm, boolean isCreate) {
    GroupModel target = getGroup(realm);
    if (target != null && !user.isMemberOf(target)) {
      logger.debugf(
          "User '%s' joins group '%s' on import from LDAP (mapper '%s')",
          user.getUsername(), groupPath(mapperModel), mapperModel.getName());
      user.joinGroup(target);
    }
  }

  @Override
  public UserModel proxy(LDAPObject ldapUser, UserModel delegate, RealmModel realm) {
    return new UserModelDelegate(delegate) {

      @Override
      public Stream<GroupModel> getGroupsStream() {
        GroupModel target = getGroup(realm);
        if (target == null || super.isMemberOf(target)) {
          return super.getGroupsStream();
        }
        return Stream.concat(super.getGroupsStream(), Stream.of(target));
      }

      @Override
      public boolean isMemberOf(GroupModel other) {
        GroupModel target = getGroup(realm);
        return super.isMemberOf(other)
            || (target != null && RoleUtils.isMember(Stream.of(target), other));
      }

      @Override
      public boolean hasRole(RoleModel role) {
        GroupModel target = getGroup(realm);
        return super.hasRole(role) || (target != null && target.hasRole(role));
      }

      @Override
      public void leaveGroup(GroupModel other) {
        if (other.equals(getGroup(realm))) {
          // Keycloak runs the message through MessageFormat: names go in as parameters.
          throw new ModelException(
              "Users from the directory cannot leave group \"{0}\": LDAP mapper"
                  + " \"{1}\" puts all of them in it. Change or remove that mapper instead.",
              groupPath(mapperModel), mapperModel.getName());
        }
        super.leaveGroup(other);
      }
    };
  }

  @Override
  public void onRegisterUserToLDAP(LDAPObject ldapUser, UserModel localUser, RealmModel realm) {
    // Users registered in Keycloak and written to LDAP get the group through proxy/import.
  }

  @Override
  public void beforeLDAPQuery(LDAPQuery query) {
    // Nothing to read from the directory: the group does not depend on the LDAP entry.
  }

  /**
   * The configured group, looked up once per request; null (and a warning) when it is gone or, for
   * a mapper stored without validation, not configured.
   */
  private GroupModel getGroup(RealmModel realm) {
    if (!groupResolved) {
      String path = groupPath(mapperModel);
      group = path == null ? null : KeycloakModelUtils.findGroupByPath(getSession(), realm, path);
      groupResolved = true;
      if (group == null) {
        logger.warnf(
            "Group '%s' configured in LDAP mapper '%s' of realm '%s' does not exist any more;"
                + " directory users are not added to it. Create the group or fix the mapper.",
            path, mapperModel.getName(), realm.getName());
      }
    }
    return group;
  }
}
