package org.tessera.deployments.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tessera.deployments.application.DeploymentService;
import org.tessera.deployments.application.DeploymentTokenView;
import org.tessera.deployments.application.DeploymentView;
import org.tessera.deployments.domain.DeploymentShare;
import org.tessera.deployments.domain.InvalidDeploymentRequestException;
import org.tessera.deployments.domain.TrafficSplit;
import org.tessera.deployments.rest.dto.DeploymentResponse;
import org.tessera.deployments.rest.dto.DeploymentTokenResponse;
import org.tessera.deployments.rest.dto.RedeployRequest;
import org.tessera.deployments.rest.dto.RevisionRequest;
import org.tessera.deployments.rest.dto.ShareRequest;
import org.tessera.deployments.rest.dto.SplitRequest;
import org.tessera.deployments.rest.dto.TokenRequest;
import org.tessera.deployments.rest.dto.VisibilityRequest;
import org.tessera.deployments.web.DeploymentTraffic;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;

/** Deployments: list, show, logs, share, tokens, versions and their split, restart, redeploy, terminate. */
@Path("/v1/deployments")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentsResource {

  private static final int DEFAULT_TOKEN_DAYS = 30;

  @EJB DeploymentService deployments;
  @Inject CurrentUser currentUser;
  @Inject DeploymentTraffic traffic;

  private UserProfile caller() {
    return currentUser.profile().orElseThrow(() -> new NotAuthorizedException("Bearer"));
  }

  private DeploymentResponse response(DeploymentView view) {
    return DeploymentResponse.from(view, traffic);
  }

  /** The caller's deployments and those shared with them; {@code all=true} lists everyone's for administrators. */
  @GET
  public List<DeploymentResponse> list(@QueryParam("all") @DefaultValue("false") boolean all) {
    return deployments.list(caller(), all).stream().map(this::response).toList();
  }

  @GET
  @Path("/{id}")
  public DeploymentResponse get(@PathParam("id") String id) {
    return response(deployments.get(caller(), id));
  }

  /** Terminates the deployment: its versions stop, its tokens and shares go; the project stays. */
  @DELETE
  @Path("/{id}")
  public Response terminate(@PathParam("id") String id) {
    deployments.terminate(caller(), id);
    return Response.noContent().build();
  }

  /**
   * The last {@code lines} lines as JSON; with {@code follow=true} the whole output as plain text,
   * streamed (chunked) as it is written until the version ends or the client goes away.
   */
  @GET
  @Path("/{id}/logs")
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  public Response logs(@PathParam("id") String id, @QueryParam("version") String version, @QueryParam("lines") @DefaultValue("200") int lines,
      @QueryParam("follow") @DefaultValue("false") boolean follow) {
    if (!follow) {
      return Response.ok(Map.of("lines", deployments.logs(caller(), id, version, lines)), MediaType.APPLICATION_JSON_TYPE).build();
    }
    java.io.InputStream output = deployments.followLogs(caller(), id, version);
    jakarta.ws.rs.core.StreamingOutput stream = out -> {
      try (output) {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = output.read(buffer)) >= 0) {
          out.write(buffer, 0, n);
          out.flush();
        }
      }
    };
    return Response.ok(stream, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store").header("X-Accel-Buffering", "no").build();
  }

  @POST
  @Path("/{id}/restart")
  public DeploymentResponse restart(@PathParam("id") String id) {
    return response(deployments.restart(caller(), id));
  }

  /** Serves another version instead of the current ones, keeping the URL, shares and tokens. */
  @POST
  @Path("/{id}/redeploy")
  @Consumes(MediaType.APPLICATION_JSON)
  public DeploymentResponse redeploy(@PathParam("id") String id, RedeployRequest request) {
    return response(deployments.redeploy(caller(), id, request == null ? null : request.revision(), request == null ? null : request.variables()));
  }

  @PUT
  @Path("/{id}/visibility")
  @Consumes(MediaType.APPLICATION_JSON)
  public DeploymentResponse visibility(@PathParam("id") String id, VisibilityRequest request) {
    if (request == null || request.isPublic() == null) {
      throw new InvalidDeploymentRequestException("public", "Send {\"public\": true} or {\"public\": false}.");
    }
    return response(deployments.setPublic(caller(), id, request.isPublic()));
  }

  @POST
  @Path("/{id}/shares")
  @Consumes(MediaType.APPLICATION_JSON)
  public DeploymentResponse share(@PathParam("id") String id, ShareRequest request) {
    ShareRequest body = request == null ? new ShareRequest(null, null) : request;
    return response(deployments.share(caller(), id, kind(body.kind()), body.name()));
  }

  @DELETE
  @Path("/{id}/shares/{kind}/{name}")
  public DeploymentResponse unshare(@PathParam("id") String id, @PathParam("kind") String kind, @PathParam("name") String name) {
    return response(deployments.unshare(caller(), id, kind(kind), name));
  }

  private static DeploymentShare.Kind kind(String value) {
    if (value != null) {
      switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "user" -> {
          return DeploymentShare.Kind.USER;
        }
        case "group" -> {
          return DeploymentShare.Kind.GROUP;
        }
        default -> {}
      }
    }
    throw new InvalidDeploymentRequestException("kind", "Share with a \"user\" or a \"group\", not '" + value + "'.");
  }

  @GET
  @Path("/{id}/tokens")
  public List<DeploymentTokenResponse> tokens(@PathParam("id") String id) {
    return deployments.tokens(caller(), id).stream().map(DeploymentTokenResponse::from).toList();
  }

  /** A token for machines; 201 with its secret, shown this once. */
  @POST
  @Path("/{id}/tokens")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createToken(@PathParam("id") String id, TokenRequest request) {
    int days = request == null || request.expiresInDays() == null ? DEFAULT_TOKEN_DAYS : request.expiresInDays();
    DeploymentTokenView token = deployments.createToken(caller(), id, days);
    return Response.created(UriBuilder.fromPath("/api/v1/deployments/{id}/tokens/{tokenId}").build(id, token.id())).entity(DeploymentTokenResponse.from(token)).build();
  }

  @DELETE
  @Path("/{id}/tokens/{tokenId}")
  public Response revokeToken(@PathParam("id") String id, @PathParam("tokenId") String tokenId) {
    deployments.revokeToken(caller(), id, tokenId);
    return Response.noContent().build();
  }

  /** Adds a version, which gets no traffic until the split gives it some. */
  @POST
  @Path("/{id}/versions")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addVersion(@PathParam("id") String id, RevisionRequest request) {
    DeploymentView view = deployments.addVersion(caller(), id, request == null ? null : request.revision());
    return Response.status(Response.Status.CREATED).entity(response(view)).build();
  }

  @DELETE
  @Path("/{id}/versions/{versionId}")
  public DeploymentResponse removeVersion(@PathParam("id") String id, @PathParam("versionId") String versionId) {
    return response(deployments.removeVersion(caller(), id, versionId));
  }

  @PUT
  @Path("/{id}/split")
  @Consumes(MediaType.APPLICATION_JSON)
  public DeploymentResponse split(@PathParam("id") String id, SplitRequest request) {
    if (request == null || request.routes() == null || request.routes().isEmpty()) {
      throw new InvalidDeploymentRequestException("routes", "Send the routes: {\"routes\": [{\"version\": \"v1\", \"weight\": 90}, {\"version\": \"v2\", \"weight\": 10}]}.");
    }
    DeploymentView current = deployments.get(caller(), id);
    Map<String, TrafficSplit.Route> routes = new LinkedHashMap<>();
    for (SplitRequest.Route route : request.routes()) {
      String versionId = current.versions().stream().map(DeploymentView.Version::version)
          .filter(v -> v.id().equals(route.version()) || v.label().equals(route.version())).map(v -> v.id()).findFirst()
          .orElseThrow(() -> new InvalidDeploymentRequestException("version", "Deployment " + current.deployment().name() + " has no version '" + route.version()
              + "'; name one by its id or label: " + current.versions().stream().map(v -> v.version().label()).toList() + "."));
      routes.put(versionId, new TrafficSplit.Route(route.weight() == null ? 0 : route.weight(), route.group()));
    }
    return response(deployments.split(caller(), id, routes));
  }
}
