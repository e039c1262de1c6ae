package org.tessera.identity.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.tessera.identity.application.UserAdminService;
import org.tessera.identity.rest.dto.GroupResponse;
import org.tessera.identity.rest.dto.UserResponse;
import org.tessera.identity.web.CurrentUser;

/** {@code /api/v1/admin/groups}: the realm's groups, their members and the Tessera roles they carry (role {@code ae-admin}). */
@Path("/v1/admin/groups")
@Produces(MediaType.APPLICATION_JSON)
public class GroupsResource {

  @EJB UserAdminService users;
  @Inject CurrentUser currentUser;

  private String actor() {
    return currentUser.profile().map(u -> u.username()).orElse("unknown");
  }

  @GET
  public List<GroupResponse> list() {
    return users.groups().stream().map(GroupResponse::from).toList();
  }

  @GET
  @Path("/{group}/members")
  public List<UserResponse> members(@PathParam("group") String group, @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("100") int size) {
    return users.members(group, page, size).stream().map(UserResponse::from).toList();
  }

  /** Grants a Tessera role to the group: every member holds it. */
  @PUT
  @Path("/{group}/roles/{role}")
  public GroupResponse grantRole(@PathParam("group") String group, @PathParam("role") String role) {
    return GroupResponse.from(users.grantGroupRole(group, role, actor()));
  }

  /** Revokes a Tessera role from the group; refused (409) when no enabled administrator would be left. */
  @DELETE
  @Path("/{group}/roles/{role}")
  public GroupResponse revokeRole(@PathParam("group") String group, @PathParam("role") String role) {
    return GroupResponse.from(users.revokeGroupRole(group, role, actor()));
  }
}
