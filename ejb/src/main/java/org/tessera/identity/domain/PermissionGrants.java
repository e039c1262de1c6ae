package org.tessera.identity.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The extra users, groups and roles an administrator lets have a permission, on top of its
 * built-in grant. Names are trimmed, de-duplicated and sorted; a list may hold at most {@link
 * #MAX_ENTRIES} names of at most {@link #MAX_NAME} characters, and names hold no commas or control
 * characters (they are directory user, group and role names).
 */
public record PermissionGrants(Set<String> users, Set<String> groups, Set<String> roles) {

  public static final int MAX_ENTRIES = 500;
  public static final int MAX_NAME = 255;

  public static final PermissionGrants NONE = new PermissionGrants(Set.of(), Set.of(), Set.of());

  public PermissionGrants {
    users = clean("users", users);
    groups = clean("groups", groups);
    roles = clean("roles", roles);
  }

  public static PermissionGrants of(Collection<String> users, Collection<String> groups, Collection<String> roles) {
    return new PermissionGrants(
        users == null ? null : new TreeSet<>(nonNull(users)),
        groups == null ? null : new TreeSet<>(nonNull(groups)),
        roles == null ? null : new TreeSet<>(nonNull(roles)));
  }

  private static List<String> nonNull(Collection<String> values) {
    List<String> list = new ArrayList<>();
    for (String value : values) {
      if (value == null) {
        throw new InvalidPermissionGrantsException("names", "A list holds an empty entry; remove it.");
      }
      list.add(value);
    }
    return list;
  }

  private static Set<String> clean(String field, Set<String> names) {
    if (names == null) {
      return Set.of();
    }
    if (names.size() > MAX_ENTRIES) {
      throw new InvalidPermissionGrantsException(field, "At most " + MAX_ENTRIES + " " + field + " can be listed; use a group instead.");
    }
    TreeSet<String> cleaned = new TreeSet<>();
    for (String name : names) {
      String trimmed = name == null ? "" : name.strip();
      if (trimmed.isEmpty()) {
        throw new InvalidPermissionGrantsException(field, "The " + field + " list holds an empty name; remove it.");
      }
      if (trimmed.length() > MAX_NAME) {
        throw new InvalidPermissionGrantsException(field, "'" + trimmed.substring(0, 20) + "…' is longer than " + MAX_NAME + " characters.");
      }
      if (trimmed.chars().anyMatch(c -> c == ',' || Character.isISOControl(c))) {
        throw new InvalidPermissionGrantsException(field, "'" + trimmed + "' holds a comma or a control character; give one name per entry.");
      }
      cleaned.add(trimmed);
    }
    return Set.copyOf(cleaned);
  }

  public boolean isEmpty() {
    return users.isEmpty() && groups.isEmpty() && roles.isEmpty();
  }
}
