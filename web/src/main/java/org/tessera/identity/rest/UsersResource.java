package org.tessera.identity.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.tessera.identity.application.UserAdminService;
import org.tessera.identity.rest.dto.PasswordResetRequest;
import org.tessera.identity.rest.dto.RequiredActionsRequest;
import org.tessera.identity.rest.dto.UserDetailsResponse;
import org.tessera.identity.rest.dto.UserPageResponse;
import org.tessera.identity.rest.dto.UserSessionResponse;
import org.tessera.identity.web.CurrentUser;

/**
 * {@code /api/v1/admin/users}: the realm's users, local and federated, by user name (role
 * {@code ae-admin}): search, details, enable/disable, password reset, required actions, groups,
 * Tessera roles, sessions and signing out everywhere.
 */
@Path("/v1/admin/users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

  @EJB UserAdminService users;
  @Inject CurrentUser currentUser;

  private String actor() {
    return currentUser.profile().map(u -> u.username()).orElse("unknown");
  }

  /** Users matching {@code search} (user name, email, first or last name); pages start at 0. */
  @GET
  public UserPageResponse list(@QueryParam("search") String search, @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
    return UserPageResponse.from(users.users(search, page, size));
  }

  @GET
  @Path("/{username}")
  public UserDetailsResponse get(@PathParam("username") String username) {
    return UserDetailsResponse.from(users.user(username));
  }

  @POST
  @Path("/{username}/enable")
  public UserDetailsResponse enable(@PathParam("username") String username) {
    return UserDetailsResponse.from(users.setEnabled(username, true, actor()));
  }

  /** Disables the user: no new sign-in or token. Refused (409) for the last enabled administrator. */
  @POST
  @Path("/{username}/disable")
  public UserDetailsResponse disable(@PathParam("username") String username) {
    return UserDetailsResponse.from(users.setEnabled(username, false, actor()));
  }

  /** Sets a password, temporary unless {@code "temporary": false} (the user must then choose a new one). */
  @POST
  @Path("/{username}/reset-password")
  @Consumes(MediaType.APPLICATION_JSON)
  public UserDetailsResponse resetPassword(@PathParam("username") String username, PasswordResetRequest request) {
    return UserDetailsResponse.from(users.resetPassword(username, request == null ? null : request.password(), request == null ? null : request.temporary(), actor()));
  }

  /** Replaces the required actions: {@code {"actions": ["UPDATE_PASSWORD", "CONFIGURE_TOTP", "TERMS_AND_CONDITIONS"]}}. */
  @PUT
  @Path("/{username}/required-actions")
  @Consumes(MediaType.APPLICATION_JSON)
  public UserDetailsResponse requiredActions(@PathParam("username") String username, RequiredActionsRequest request) {
    return UserDetailsResponse.from(users.setRequiredActions(username, request == null ? null : request.actions(), actor()));
  }

  @PUT
  @Path("/{username}/groups/{group}")
  public UserDetailsResponse joinGroup(@PathParam("username") String username, @PathParam("group") String group) {
    return UserDetailsResponse.from(users.joinGroup(username, group, actor()));
  }

  @DELETE
  @Path("/{username}/groups/{group}")
  public UserDetailsResponse leaveGroup(@PathParam("username") String username, @PathParam("group") String group) {
    return UserDetailsResponse.from(users.leaveGroup(username, group, actor()));
  }

  /** Grants a Tessera role ({@code ae-admin}, {@code ae-creator}, {@code ae-deployer}, {@code ae-uploader}) directly. */
  @PUT
  @Path("/{username}/roles/{role}")
  public UserDetailsResponse grantRole(@PathParam("username") String username, @PathParam("role") String role) {
    return UserDetailsResponse.from(users.grantRole(username, role, actor()));
  }

  @DELETE
  @Path("/{username}/roles/{role}")
  public UserDetailsResponse revokeRole(@PathParam("username") String username, @PathParam("role") String role) {
    return UserDetailsResponse.from(users.revokeRole(username, role, actor()));
  }

  @GET
  @Path("/{username}/sessions")
  public List<UserSessionResponse> sessions(@PathParam("username") String username) {
    return users.user(username).sessions().stream().map(UserSessionResponse::from).toList();
  }

  /** Signs the user out everywhere: every Keycloak session ends and refresh tokens stop working; 204. */
  @POST
  @Path("/{username}/sign-out")
  public Response signOut(@PathParam("username") String username) {
    users.signOut(username, actor());
    return Response.noContent().build();
  }
}
