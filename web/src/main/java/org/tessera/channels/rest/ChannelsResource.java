package org.tessera.channels.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.tessera.channels.application.ChannelService;
import org.tessera.channels.application.PackageDetail;
import org.tessera.channels.application.PackageFileView;
import org.tessera.channels.application.PackageSummary;
import org.tessera.channels.application.ServedFile;
import org.tessera.channels.domain.InvalidChannelRequestException;
import org.tessera.channels.rest.dto.ChannelResponse;
import org.tessera.channels.rest.dto.ChannelShareRequest;
import org.tessera.channels.rest.dto.CreateChannelRequest;
import org.tessera.channels.rest.dto.VisibilityRequest;
import org.tessera.channels.rest.dto.YankRequest;
import org.tessera.channels.web.PackageUploads;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;

/** Conda channels and PyPI indexes: create, list, share, upload, browse and delete packages. */
@Path("/v1/channels")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelsResource {

  @EJB ChannelService channels;
  @Inject CurrentUser currentUser;
  @Context UriInfo uri;

  private UserProfile caller() {
    return currentUser.profile().orElseThrow(() -> new NotAuthorizedException("Bearer"));
  }

  private String baseUrl() {
    return uri.getBaseUri().toString().replaceAll("/api/?$", "").replaceAll("/+$", "");
  }

  @GET
  public List<ChannelResponse> list() {
    return channels.list(caller()).stream().map(c -> ChannelResponse.from(c, baseUrl())).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(CreateChannelRequest request) {
    CreateChannelRequest body = request == null ? new CreateChannelRequest(null, null, null) : request;
    ChannelResponse created = ChannelResponse.from(channels.create(caller(), body.name(), body.type(), Boolean.TRUE.equals(body.isPrivate())), baseUrl());
    return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build()).entity(created).build();
  }

  @GET
  @Path("/{name}")
  public ChannelResponse get(@PathParam("name") String name) {
    return ChannelResponse.from(channels.get(caller(), name), baseUrl());
  }

  @DELETE
  @Path("/{name}")
  public Response delete(@PathParam("name") String name) {
    channels.delete(caller(), name);
    return Response.noContent().build();
  }

  @PUT
  @Path("/{name}/visibility")
  @Consumes(MediaType.APPLICATION_JSON)
  public ChannelResponse visibility(@PathParam("name") String name, VisibilityRequest request) {
    if (request == null || request.isPrivate() == null) {
      throw new InvalidChannelRequestException("private", "Send {\"private\": true} or {\"private\": false}.");
    }
    return ChannelResponse.from(channels.setPrivate(caller(), name, request.isPrivate()), baseUrl());
  }

  @POST
  @Path("/{name}/shares")
  @Consumes(MediaType.APPLICATION_JSON)
  public ChannelResponse share(@PathParam("name") String name, ChannelShareRequest request) {
    ChannelShareRequest body = request == null ? new ChannelShareRequest(null, null, null) : request;
    if ((body.user() == null) == (body.group() == null)) {
      throw new InvalidChannelRequestException("user", "Share with either {\"user\": NAME} or {\"group\": NAME}, with \"permission\" read or read-write.");
    }
    String kind = body.user() != null ? "user" : "group";
    return ChannelResponse.from(channels.share(caller(), name, kind, body.user() != null ? body.user() : body.group(), body.permission()), baseUrl());
  }

  @DELETE
  @Path("/{name}/shares/{kind}/{principal}")
  public ChannelResponse unshare(@PathParam("name") String name, @PathParam("kind") String kind, @PathParam("principal") String principal) {
    return ChannelResponse.from(channels.unshare(caller(), name, kind, principal), baseUrl());
  }

  /** Uploads one package file, sent as the multipart field {@code file} (1 GB at most). */
  @POST
  @Path("/{name}/files")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response upload(@PathParam("name") String name, @FormParam("file") EntityPart file) throws IOException {
    if (file == null) {
      throw new InvalidChannelRequestException("file", "Send the package as the multipart form field 'file', e.g. curl -F file=@numpy-1.26.4-py311_0.conda URL.");
    }
    java.nio.file.Path received;
    try (InputStream in = file.getContent()) {
      received = PackageUploads.receive(in);
    }
    PackageFileView published = channels.upload(caller(), name, file.getFileName().orElse(null), received);
    return Response.status(Response.Status.CREATED).entity(published).build();
  }

  @GET
  @Path("/{name}/packages")
  public List<PackageSummary> packages(@PathParam("name") String name, @QueryParam("q") String query) {
    return channels.packages(caller(), name, query);
  }

  @GET
  @Path("/{name}/packages/{package}")
  public PackageDetail packageDetail(@PathParam("name") String name, @PathParam("package") String packageName) {
    return channels.packageDetail(caller(), name, packageName, baseUrl());
  }

  @DELETE
  @Path("/{name}/packages/{package}/versions/{version}")
  public Response deleteVersion(@PathParam("name") String name, @PathParam("package") String packageName, @PathParam("version") String version) {
    channels.deleteVersion(caller(), name, packageName, version);
    return Response.noContent().build();
  }

  @GET
  @Path("/{name}/files/{subdir}/{filename}")
  public PackageFileView file(@PathParam("name") String name, @PathParam("subdir") String subdir, @PathParam("filename") String filename) {
    return channels.file(caller(), name, subdir, filename);
  }

  /** The file's bytes for a signed-in user (the package pages link here; clients use /repository). */
  @GET
  @Path("/{name}/files/{subdir}/{filename}/content")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  public Response content(@PathParam("name") String name, @PathParam("subdir") String subdir, @PathParam("filename") String filename) {
    ServedFile served = channels.download(caller(), name, subdir, filename);
    StreamingOutput body = out -> Files.copy(served.path(), out);
    return Response.ok(body).header("Content-Disposition", "attachment; filename=\"" + filename.replace("\"", "") + "\"")
        .header("Content-Length", served.size()).build();
  }

  @DELETE
  @Path("/{name}/files/{subdir}/{filename}")
  public Response deleteFile(@PathParam("name") String name, @PathParam("subdir") String subdir, @PathParam("filename") String filename) {
    channels.deleteFile(caller(), name, subdir, filename);
    return Response.noContent().build();
  }

  @PUT
  @Path("/{name}/files/{subdir}/{filename}/yanked")
  @Consumes(MediaType.APPLICATION_JSON)
  public PackageFileView yank(@PathParam("name") String name, @PathParam("subdir") String subdir, @PathParam("filename") String filename, YankRequest request) {
    if (request == null || request.yanked() == null) {
      throw new BadRequestException("Send {\"yanked\": true, \"reason\": \"...\"} or {\"yanked\": false}.");
    }
    return channels.yank(caller(), name, subdir, filename, request.yanked(), request.reason());
  }

  /** Rebuilds the channel's conda indexes from its rows. */
  @POST
  @Path("/{name}/reindex")
  public Response reindex(@PathParam("name") String name) {
    channels.reindex(caller(), name);
    return Response.noContent().build();
  }
}
