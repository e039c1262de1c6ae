package org.tessera.identity.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.tessera.identity.application.DirectoryService;
import org.tessera.identity.domain.Directory;
import org.tessera.identity.rest.dto.AddMapperRequest;
import org.tessera.identity.rest.dto.ConnectionCheckResponse;
import org.tessera.identity.rest.dto.DirectoryMapperResponse;
import org.tessera.identity.rest.dto.DirectoryRequest;
import org.tessera.identity.rest.dto.GroupRulePreviewRequestBody;
import org.tessera.identity.rest.dto.GroupRulePreviewResponse;
import org.tessera.identity.rest.dto.GroupRulesBody;
import org.tessera.identity.rest.dto.DirectoryResponse;
import org.tessera.identity.rest.dto.SyncResultResponse;
import org.tessera.identity.web.CurrentUser;

/**
 * {@code /api/v1/admin/directories}: LDAP and Active Directory connections of the realm, tests of
 * them, and syncs (role {@code ae-admin}). The service checks the role before the body.
 */
@Path("/v1/admin/directories")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoriesResource {

  @EJB DirectoryService directories;
  @Inject CurrentUser currentUser;

  private String actor() {
    return currentUser.profile().map(u -> u.username()).orElse("unknown");
  }

  @GET
  public List<DirectoryResponse> list() {
    return directories.list().stream().map(DirectoryResponse::from).toList();
  }

  /** Adds a directory; 201 with the directory as saved (vendor defaults filled, no password). */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(DirectoryRequest request) {
    Directory added = directories.add(request == null ? null : request.toSettings(), actor());
    return Response.created(UriBuilder.fromPath("/api/v1/admin/directories/{id}").build(added.id())).entity(DirectoryResponse.from(added)).build();
  }

  @GET
  @Path("/{id}")
  public DirectoryResponse get(@PathParam("id") String id) {
    return DirectoryResponse.from(directories.get(id));
  }

  /** Replaces the settings; without {@code bindCredential} the stored password is kept. */
  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public DirectoryResponse update(@PathParam("id") String id, DirectoryRequest request) {
    return DirectoryResponse.from(directories.update(id, request == null ? null : request.toSettings(), actor()));
  }

  /** Removes the directory and the users Keycloak imported from it; 204. */
  @DELETE
  @Path("/{id}")
  public Response remove(@PathParam("id") String id) {
    directories.remove(id, actor());
    return Response.noContent().build();
  }

  /**
   * Whether Keycloak reaches the directory. An optional body {@code {"connectionUrl", "startTls"}}
   * tries another URL (or StartTLS on or off) than the stored one.
   */
  @POST
  @Path("/{id}/test-connection")
  @Consumes(MediaType.APPLICATION_JSON)
  public ConnectionCheckResponse testConnection(@PathParam("id") String id, DirectoryRequest request) {
    return ConnectionCheckResponse.from(directories.test(id, false, request == null ? null : request.toSettings(), actor()));
  }

  /**
   * Whether Keycloak binds to the directory with its bind DN and password. An optional body with
   * {@code bindDn} and {@code bindCredential} tries those instead of the stored ones.
   */
  @POST
  @Path("/{id}/test-authentication")
  @Consumes(MediaType.APPLICATION_JSON)
  public ConnectionCheckResponse testAuthentication(@PathParam("id") String id, DirectoryRequest request) {
    return ConnectionCheckResponse.from(directories.test(id, true, request == null ? null : request.toSettings(), actor()));
  }

  /**
   * Syncs users now ({@code mode=full}, the default, or {@code changed}); the result is also kept
   * as the directory's {@code lastSync}. A failed sync answers 200 with {@code ok} false and the reason.
   */
  @POST
  @Path("/{id}/sync")
  public SyncResultResponse sync(@PathParam("id") String id, @QueryParam("mode") String mode) {
    return SyncResultResponse.from(directories.sync(id, mode, actor()));
  }

  /** Keycloak's LDAP mappers of the directory (stock and Tessera's). */
  @GET
  @Path("/{id}/mappers")
  public List<DirectoryMapperResponse> mappers(@PathParam("id") String id) {
    return directories.mappers(id).stream().map(DirectoryMapperResponse::from).toList();
  }

  /**
   * Adds one of Keycloak's stock mappers ({@code group-ldap-mapper}, {@code role-ldap-mapper},
   * {@code hardcoded-ldap-role-mapper}, {@code msad-user-account-control-mapper}) with the vendor's
   * defaults; 201 with the mapper as saved.
   */
  @POST
  @Path("/{id}/mappers")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addMapper(@PathParam("id") String id, AddMapperRequest request) {
    AddMapperRequest r = request == null ? new AddMapperRequest(null, null, null) : request;
    DirectoryMapperResponse added = DirectoryMapperResponse.from(directories.addMapper(id, r.type(), r.name(), r.config(), actor()));
    return Response.created(UriBuilder.fromPath("/api/v1/admin/directories/{id}/mappers/{mapperId}").build(id, added.id())).entity(added).build();
  }

  /** Removes one mapper of the directory; 204. */
  @DELETE
  @Path("/{id}/mappers/{mapperId}")
  public Response removeMapper(@PathParam("id") String id, @PathParam("mapperId") String mapperId) {
    directories.removeMapper(id, mapperId, actor());
    return Response.noContent().build();
  }

  /** The group→role rules and the membership settings of the directory's rule mapper. */
  @GET
  @Path("/{id}/group-rules")
  public GroupRulesBody groupRules(@PathParam("id") String id) {
    return GroupRulesBody.from(directories.groupRules(id));
  }

  /** Replaces the rules; 400 names each bad row ({@code rules[i]}) or field, and nothing is saved. */
  @PUT
  @Path("/{id}/group-rules")
  @Consumes(MediaType.APPLICATION_JSON)
  public GroupRulesBody replaceGroupRules(@PathParam("id") String id, GroupRulesBody body) {
    return GroupRulesBody.from(directories.replaceGroupRules(id, body == null ? null : body.toSettings(), actor()));
  }

  /** What the saved or the sent rules give a user or a group's members; saves nothing. */
  @POST
  @Path("/{id}/group-rules/preview")
  @Consumes(MediaType.APPLICATION_JSON)
  public GroupRulePreviewResponse previewGroupRules(@PathParam("id") String id, GroupRulePreviewRequestBody body) {
    return GroupRulePreviewResponse.from(directories.previewGroupRules(id, body == null ? null : body.toRequest(), actor()));
  }
}
