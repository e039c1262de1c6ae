package org.tessera.identity.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The directory products whose defaults Tessera knows, as Keycloak's LDAP provider names them in
 * its {@code vendor} setting. A preset only fills settings the administrator left empty.
 */
public enum DirectoryVendor {
  ACTIVE_DIRECTORY("ad", "Active Directory", "sAMAccountName", "cn", "objectGUID", "person, organizationalPerson, user", "2", "group"),
  RED_HAT_DIRECTORY_SERVER("rhds", "Red Hat Directory Server", "uid", "uid", "nsuniqueid", "inetOrgPerson, organizationalPerson", "1", "groupOfNames"),
  OTHER("other", "Other (OpenLDAP and most LDAP servers)", "uid", "uid", "entryUUID", "inetOrgPerson, organizationalPerson", "1", "groupOfNames");

  private final String key;
  private final String label;
  private final String usernameAttribute;
  private final String rdnAttribute;
  private final String uuidAttribute;
  private final String userObjectClasses;
  private final String searchScope;
  private final String groupObjectClass;

  DirectoryVendor(String key, String label, String usernameAttribute, String rdnAttribute, String uuidAttribute, String userObjectClasses, String searchScope, String groupObjectClass) {
    this.key = key;
    this.label = label;
    this.usernameAttribute = usernameAttribute;
    this.rdnAttribute = rdnAttribute;
    this.uuidAttribute = uuidAttribute;
    this.userObjectClasses = userObjectClasses;
    this.searchScope = searchScope;
    this.groupObjectClass = groupObjectClass;
  }

  /** Keycloak's value of the {@code vendor} setting. */
  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public String usernameAttribute() {
    return usernameAttribute;
  }

  public String rdnAttribute() {
    return rdnAttribute;
  }

  public String uuidAttribute() {
    return uuidAttribute;
  }

  public String userObjectClasses() {
    return userObjectClasses;
  }

  /** {@code 1} one level below the users DN, {@code 2} the whole subtree (AD keeps users in nested OUs). */
  public String searchScope() {
    return searchScope;
  }

  /** The object class of groups that the group mapper imports. */
  public String groupObjectClass() {
    return groupObjectClass;
  }

  public static Optional<DirectoryVendor> byKey(String key) {
    return key == null ? Optional.empty() : Arrays.stream(values()).filter(v -> v.key.equals(key.strip().toLowerCase(Locale.ROOT))).findFirst();
  }

  /** The accepted keys, for messages: {@code ad, rhds, other}. */
  public static String keys() {
    return Arrays.stream(values()).map(DirectoryVendor::key).collect(Collectors.joining(", "));
  }
}
