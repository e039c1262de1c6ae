package org.tessera.identity.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a user may do on the platform, as the seed's permission sections name it. Each permission
 * has a built-in grant (a role, or every signed-in user) that cannot be taken away, and an admin may
 * widen it with lists of users, groups and roles ({@link PermissionGrants}).
 */
public enum Permission {
  /** Deploy projects as apps and APIs. */
  DEPLOY("deploy.deployers", Roles.DEPLOYER, "Deploy projects as apps, dashboards and REST APIs."),
  /** Open editor sessions on projects they collaborate on; every signed-in user by default. */
  OPEN_SESSIONS("workspace.users", null, "Open editor sessions on projects they collaborate on."),
  /** Create projects. */
  CREATE_PROJECTS("storage.creators", Roles.CREATOR, "Create projects."),
  /** Upload packages to the platform's channels. */
  UPLOAD_PACKAGES("repository.uploaders", Roles.UPLOADER, "Upload packages to Tessera's conda and PyPI channels.");

  private final String key;
  private final String builtInRole;
  private final String description;

  Permission(String key, String builtInRole, String description) {
    this.key = key;
    this.builtInRole = builtInRole;
    this.description = description;
  }

  /** The seed's name of the section, e.g. {@code deploy.deployers}. */
  public String key() {
    return key;
  }

  /** The role that always grants this permission; empty when every signed-in user has it. */
  public Optional<String> builtInRole() {
    return Optional.ofNullable(builtInRole);
  }

  public String description() {
    return description;
  }

  public static Optional<Permission> byKey(String key) {
    return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
  }
}
