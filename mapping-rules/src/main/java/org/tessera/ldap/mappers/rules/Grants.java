package org.tessera.ldap.mappers.rules;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/** What the rules give one user: realm role names and Keycloak group paths, sorted. */
public record Grants(SortedSet<String> roles, SortedSet<String> groups) {

  public Grants {
    roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
    groups = Collections.unmodifiableSortedSet(new TreeSet<>(groups));
  }

  public boolean isEmpty() {
    return roles.isEmpty() && groups.isEmpty();
  }
}
