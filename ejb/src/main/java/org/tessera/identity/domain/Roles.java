package org.tessera.identity.domain;

import java.util.List;

/**
 * The platform roles of the seed. Names are constants so that {@code @RolesAllowed} can use them;
 * {@link #ADMIN} is a composite role in the realm and so implies every other one.
 */
public final class Roles {

  public static final String ADMIN = "ae-admin";
  public static final String CREATOR = "ae-creator";
  public static final String DEPLOYER = "ae-deployer";
  public static final String UPLOADER = "ae-uploader";

  /** Every Tessera role, administrators first. */
  public static final List<String> ALL = List.of(ADMIN, CREATOR, DEPLOYER, UPLOADER);

  private Roles() {}

  /** Whether a role name is one of Tessera's own (tokens also carry Keycloak's default roles). */
  public static boolean isTesseraRole(String role) {
    return ALL.contains(role);
  }
}
