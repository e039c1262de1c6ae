package org.tessera.identity.domain;

import java.util.List;

/** A directory user's entry and the DNs of their directory groups, as the rule mapper finds them. */
public record DirectoryUserGroups(String username, String dn, List<String> groups) implements java.io.Serializable {}
