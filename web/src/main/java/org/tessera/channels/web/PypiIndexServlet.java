package org.tessera.channels.web;

import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.tessera.channels.application.ChannelService;
import org.tessera.channels.application.DistributionFile;
import org.tessera.channels.application.ServedFile;
import org.tessera.channels.domain.ChannelAccessDeniedException;
import org.tessera.channels.domain.ChannelNotFoundException;
import org.tessera.channels.domain.InvalidChannelRequestException;
import org.tessera.channels.domain.PackageFileExistsException;
import org.tessera.channels.domain.PackageNotFoundException;
import org.tessera.channels.domain.PackageRejectedException;
import org.tessera.channels.domain.PythonDistributionMetadata;
import org.tessera.channels.infrastructure.ChannelFiles;
import org.tessera.identity.domain.PermissionDeniedException;
import org.tessera.identity.domain.UserProfile;

/**
 * PyPI channels as pip, uv and twine use them, at {@code /repository/pypi/CHANNEL/}:
 * <ul>
 *   <li>{@code simple/} and {@code simple/PROJECT/}: the simple repository API in PEP 503 HTML or
 *       PEP 691 JSON (see {@link SimpleIndex}); names that are not normalized redirect to the
 *       normalized URL, as PyPI does;
 *   <li>{@code files/PROJECT/FILENAME}: the files, with ETag, conditional GET and Range, and
 *       {@code FILENAME.metadata} beside each wheel (PEP 658);
 *   <li>{@code POST} to the channel's URL (or its {@code legacy/}): the upload that
 *       {@code twine upload --repository-url .../repository/pypi/CHANNEL/} sends, with the status
 *       codes twine understands and the reason in the status line, where twine shows it.
 * </ul>
 * Registered by {@link PypiIndexRegistration}, which gives it a multipart configuration in the
 * channels' staging directory, so uploads stream to the disk the channels are on.
 */
public class PypiIndexServlet extends HttpServlet {

  static final String PATH = "/repository/pypi/";
  private static final String CORE_METADATA = ".metadata";
  private static final int MAX_FIELD = 64 * 1024;

  private final transient ChannelService channels;

  PypiIndexServlet(ChannelService channels) {
    this.channels = channels;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
    List<String> path = RepositoryPaths.segments(pathInfo, false);
    UserProfile caller = RepositoryAuthenticationFilter.user(request).orElse(null);
    boolean slash = pathInfo.endsWith("/");
    try {
      if (path.size() == 1 || (path.size() == 2 && path.get(1).equals("simple") && !slash)) {
        redirect(request, response, path.get(0), "simple/");
      } else if (path.size() == 2 && path.get(1).equals("simple")) {
        sendIndex(request, response, caller, path.get(0), null);
      } else if (path.size() == 3 && path.get(1).equals("simple")) {
        String project = path.get(2);
        String normalized = PythonDistributionMetadata.normalize(project);
        if (!normalized.equals(project) || !slash) {
          redirect(request, response, path.get(0), "simple/" + SimpleIndex.encodeSegment(normalized) + "/");
        } else {
          sendIndex(request, response, caller, path.get(0), normalized);
        }
      } else if (path.size() == 4 && path.get(1).equals("files")) {
        String project = PythonDistributionMetadata.normalize(path.get(2));
        String filename = path.get(3);
        ServedFile served = filename.endsWith(CORE_METADATA)
            ? channels.coreMetadata(caller, path.get(0), project, filename.substring(0, filename.length() - CORE_METADATA.length()))
            : channels.download(caller, path.get(0), project, filename);
        String cache = (caller == null ? "public" : "private") + ", max-age=31536000, immutable";
        FileResponses.send(request, response, served.path(), served.size(), served.sha256(), served.lastModified(), "application/octet-stream", cache);
      } else {
        RepositoryProblems.send(response, 404, "channel-path-not-found", "Not found", "pip reads CHANNEL/simple/ here; use pip install --index-url "
            + base(request) + "CHANNEL/simple/ NAME, or upload with twine upload --repository-url " + base(request) + "CHANNEL/ dist/*.");
      }
    } catch (RuntimeException e) {
      readFailure(response, caller, unwrap(e));
    }
  }

  private void sendIndex(HttpServletRequest request, HttpServletResponse response, UserProfile caller, String channel, String project) throws IOException {
    // A '+' left unencoded in ?format=application/vnd.pypi.simple.v1+json arrives as a space.
    String formatParameter = request.getParameter("format");
    Optional<SimpleIndex.Format> format = SimpleIndex.negotiate(request.getHeader("Accept"), formatParameter == null ? null : formatParameter.replace(' ', '+'));
    response.setHeader("Vary", "Accept");
    if (format.isEmpty()) {
      RepositoryProblems.send(response, 406, "not-acceptable", "Not acceptable", "This index answers " + SimpleIndex.JSON_V1 + ", " + SimpleIndex.HTML_V1
          + " and text/html; ask for one of them in the Accept header or with ?format=.");
      return;
    }
    String body;
    if (project == null) {
      body = SimpleIndex.projectList(format.get(), channels.projects(caller, channel));
    } else {
      List<DistributionFile> files = channels.projectFiles(caller, channel, project);
      if (files.isEmpty()) {
        RepositoryProblems.send(response, 404, "project-not-found", "Project not found",
            "Channel " + channel + " has no project " + project + "; upload it with twine or tessera packages upload, or check the name.");
        return;
      }
      body = SimpleIndex.project(format.get(), project, files, request.getContextPath() + PATH + channel + "/files/" + SimpleIndex.encodeSegment(project) + "/");
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String etag = "\"" + sha256(bytes).substring(0, 32) + (format.get().isJson() ? "-j" : "-h") + "\"";
    response.setHeader("ETag", etag);
    response.setHeader("Cache-Control", (caller == null ? "public" : "private") + ", no-cache");
    String ifNoneMatch = request.getHeader("If-None-Match");
    if (ifNoneMatch != null && List.of(ifNoneMatch.split(",")).stream().map(String::strip).anyMatch(t -> t.equals(etag) || t.equals("W/" + etag))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType(format.get().mediaType + (format.get().isJson() ? "" : "; charset=utf-8"));
    response.setContentLength(bytes.length);
    if (!"HEAD".equals(request.getMethod())) {
      response.getOutputStream().write(bytes);
    }
  }

  private static void readFailure(HttpServletResponse response, UserProfile caller, RuntimeException e) throws IOException {
    switch (e) {
      case ChannelNotFoundException x when caller == null -> RepositoryAuthenticationFilter.refuse(response, x.getMessage());
      case ChannelNotFoundException x -> RepositoryProblems.send(response, 404, "channel-not-found", "Channel not found", x.getMessage());
      case PackageNotFoundException x -> RepositoryProblems.send(response, 404, "package-not-found", "Not found", x.getMessage());
      default -> throw e;
    }
  }

  /** The legacy upload API that twine and {@code setup.py upload} speak. */
  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    List<String> path = RepositoryPaths.segments(request.getPathInfo(), false);
    if (path.isEmpty() || path.size() > 2 || (path.size() == 2 && !path.get(1).equals("legacy"))) {
      uploadFailure(response, 404, "channel-path-not-found", "Not found", "Upload to the channel's URL: twine upload --repository-url " + base(request) + "CHANNEL/ dist/*.");
      return;
    }
    String channel = path.get(0);
    Optional<UserProfile> caller = RepositoryAuthenticationFilter.user(request);
    if (caller.isEmpty()) {
      response.setHeader("WWW-Authenticate", RepositoryAuthenticationFilter.CHALLENGE);
      uploadFailure(response, 401, "channel-unauthorized", "Sign-in needed",
          "Uploads need a personal access token: twine upload -u __token__ -p TOKEN (create one with: tessera tokens create NAME).");
      return;
    }
    String contentType = request.getContentType();
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      uploadFailure(response, 400, "invalid-upload", "Invalid upload", "Send the file as multipart/form-data with :action=file_upload and the file in the field content, as twine does.");
      return;
    }
    Path staged = null;
    try {
      Part content;
      String action;
      String sha256;
      String md5;
      try {
        action = field(request, ":action");
        sha256 = field(request, "sha256_digest");
        md5 = field(request, "md5_digest");
        content = request.getPart("content");
      } catch (IllegalStateException tooLarge) {
        uploadFailure(response, 413, "package-too-large", "Package too large",
            "The file is larger than the 1 GB limit for package uploads; split the package or leave large data out of it.");
        return;
      } catch (ServletException | IOException unreadable) {
        uploadFailure(response, 400, "invalid-upload", "Invalid upload", "The multipart body could not be read (" + unreadable.getMessage() + "); run the upload again.");
        return;
      }
      if (!"file_upload".equals(action)) {
        uploadFailure(response, 400, "invalid-upload", "Invalid upload",
            action == null ? "The form has no :action; send :action=file_upload with the file in the field content, as twine does."
                : "Only :action=file_upload is supported here, not " + action + "; register projects by uploading their files.");
        return;
      }
      if (content == null || content.getSubmittedFileName() == null || content.getSize() == 0) {
        uploadFailure(response, 400, "invalid-upload", "Invalid upload", "The form has no file in the field content; send the wheel or sdist there, as twine does.");
        return;
      }
      staged = ChannelFiles.staging().resolve("upload-" + UUID.randomUUID() + ".part");
      content.write(staged.toString());
      String mismatch = digestMismatch(staged, sha256, md5);
      if (mismatch != null) {
        uploadFailure(response, 400, "digest-mismatch", "Digest mismatch", "The received file's " + mismatch
            + " does not match the digest in the form: the upload was damaged on the way. Run twine upload again.");
        return;
      }
      Path received = staged;
      staged = null;
      channels.upload(caller.get(), channel, content.getSubmittedFileName(), received);
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType("text/plain; charset=utf-8");
      response.getWriter().write("OK\n");
    } catch (RuntimeException e) {
      switch (unwrap(e)) {
        case ChannelNotFoundException x -> uploadFailure(response, 404, "channel-not-found", "Channel not found", x.getMessage());
        case PackageNotFoundException x -> uploadFailure(response, 404, "channel-not-found", "Channel not found", x.getMessage());
        case ChannelAccessDeniedException x -> uploadFailure(response, 403, "channel-access-denied", "Not allowed", x.getMessage());
        case PermissionDeniedException x -> uploadFailure(response, 403, "permission-denied", "Not allowed",
            "Uploading packages needs the uploader permission (role ae-uploader); ask an administrator for it.");
        case EJBAccessException x -> uploadFailure(response, 403, "permission-denied", "Not allowed", "You may not upload packages; ask an administrator.");
        case PackageFileExistsException x -> uploadFailure(response, 409, "package-file-exists", "File exists", x.getMessage());
        case PackageRejectedException x -> uploadFailure(response, 400, "package-rejected", "Package rejected", x.getMessage());
        case InvalidChannelRequestException x -> uploadFailure(response, 400, "invalid-upload", "Invalid upload", x.getMessage());
        case RuntimeException x -> throw x;
      }
    } finally {
      if (staged != null) {
        Files.deleteIfExists(staged);
      }
    }
  }

  /** A small text field of the form, or null when absent. */
  private static String field(HttpServletRequest request, String name) throws IOException, ServletException {
    Part part = request.getPart(name);
    if (part == null || part.getSubmittedFileName() != null) {
      return null;
    }
    try (InputStream in = part.getInputStream()) {
      return new String(in.readNBytes(MAX_FIELD), StandardCharsets.UTF_8).strip();
    }
  }

  /** Which digest does not match, or null when every digest sent matches the file. */
  static String digestMismatch(Path file, String sha256, String md5) throws IOException {
    boolean hasSha = sha256 != null && !sha256.isBlank();
    boolean hasMd5 = md5 != null && !md5.isBlank();
    if (!hasSha && !hasMd5) {
      return null;
    }
    var digest = ChannelFiles.digest(file);
    if (hasSha && !digest.sha256().equalsIgnoreCase(sha256.strip())) {
      return "SHA-256 " + digest.sha256();
    }
    if (hasMd5 && !digest.md5().equalsIgnoreCase(md5.strip())) {
      return "MD5 " + digest.md5();
    }
    return null;
  }

  /**
   * A problem for twine: the status it acts on (409 lets {@code --skip-existing} go on) and the
   * detail also as the status line's reason phrase, which is what twine prints.
   */
  private static void uploadFailure(HttpServletResponse response, int status, String slug, String title, String detail) throws IOException {
    RepositoryProblems.send(response, status, slug, title, detail);
    try {
      ServletRequestContext context = ServletRequestContext.current();
      if (context != null) {
        context.getExchange().setReasonPhrase(reasonPhrase(detail));
      }
    } catch (RuntimeException | LinkageError notUndertow) {
      // Another container: the body still carries the detail.
    }
  }

  /** The detail as a reason phrase: printable ASCII only, one line, short. */
  static String reasonPhrase(String detail) {
    StringBuilder out = new StringBuilder();
    for (char c : detail.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7f ? c : ' ');
    }
    String phrase = out.toString().strip();
    return phrase.length() > 400 ? phrase.substring(0, 397) + "..." : phrase;
  }

  private static void redirect(HttpServletRequest request, HttpServletResponse response, String channel, String rest) {
    String query = request.getQueryString();
    response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
    response.setHeader("Location", request.getContextPath() + PATH + SimpleIndex.encodeSegment(channel) + "/" + rest + (query == null ? "" : "?" + query));
  }

  private static String base(HttpServletRequest request) {
    return request.getRequestURL().toString().replaceFirst("(?<=/repository/pypi/).*$", "");
  }

  private static RuntimeException unwrap(RuntimeException e) {
    Throwable current = e;
    while (current instanceof EJBException ejb && !(current instanceof EJBAccessException) && ejb.getCause() instanceof RuntimeException cause && cause != current) {
      current = cause;
    }
    return (RuntimeException) current;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
