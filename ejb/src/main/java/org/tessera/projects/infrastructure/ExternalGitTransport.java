package org.tessera.projects.infrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.tessera.projects.domain.ExternalGitType;
import org.tessera.projects.domain.ProjectId;
import org.tessera.projects.domain.PullRefusedException;
import org.tessera.projects.domain.PullResult;

/**
 * Talks to the external git service: creates repositories through the GitHub or GitLab REST API
 * where the type needs it, pushes refs with JGit over http(s) with basic authentication, and pulls
 * {@code main} and new tags back by fast-forward only. Each method opens and closes the project's
 * repository itself. Failures are {@link MirrorException}s whose message says what to check.
 */
public final class ExternalGitTransport {

  /** Seconds a push or fetch may stall before it is given up. */
  static final int TIMEOUT_SECONDS = 60;

  private static final String MAIN = "refs/heads/" + JGitProjectFiles.MAIN;
  private static final String FETCHED_MAIN = "refs/tessera-external/main";
  private static final String FETCHED_TAGS = "refs/tessera-external/tags/";
  private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String username;
  private final String token;
  private final String whose;

  /** The administrator's service account of the external git setting. */
  public ExternalGitTransport(String username, String token) {
    this(username, token, "username and authToken on Admin → External git");
  }

  /**
   * {@code username} may be null (then {@code git}); {@code token} may be null for a server without
   * authentication; {@code whose} names the credentials and where to change them, for messages.
   */
  public ExternalGitTransport(String username, String token, String whose) {
    this.username = username == null || username.isBlank() ? "git" : username;
    this.token = token;
    this.whose = whose;
  }

  /** A push or fetch failed; the message is meant for the project page and the audit trail. */
  public static class MirrorException extends RuntimeException {
    public MirrorException(String message) {
      super(message);
    }
  }

  /**
   * Pushes refs without forcing: commits pushed to the external repository that Tessera lacks are
   * never overwritten. Returns {@code ref commit} lines of what was updated.
   */
  public String push(ProjectId id, String remoteUrl, List<String> refSpecs) {
    try (Repository repository = JGitProjectFiles.open(id).orElseThrow(() -> new MirrorException("The project's repository is missing on disk."));
        Git git = Git.wrap(repository)) {
      List<RefSpec> specs = refSpecs.stream().map(RefSpec::new).toList();
      List<String> done = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      for (PushResult result : git.push().setRemote(remoteUrl).setRefSpecs(specs).setCredentialsProvider(credentials()).setTimeout(TIMEOUT_SECONDS).call()) {
        for (RemoteRefUpdate update : result.getRemoteUpdates()) {
          switch (update.getStatus()) {
            case OK -> done.add(update.getRemoteName() + " " + update.getNewObjectId().name());
            case UP_TO_DATE -> {}
            case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED ->
                problems.add(update.getRemoteName() + " has commits in the external repository that Tessera lacks; pull them into the project"
                    + " (Pull from external git on its page, or POST /api/v1/projects/" + id + "/external/pull), then push again.");
            default -> problems.add(update.getRemoteName() + " was refused (" + update.getStatus().name().toLowerCase().replace('_', ' ')
                + (update.getMessage() == null ? "" : ": " + update.getMessage()) + ").");
          }
        }
      }
      if (!problems.isEmpty()) {
        throw new MirrorException(String.join(" ", problems));
      }
      return done.isEmpty() ? "up to date" : String.join(", ", done);
    } catch (GitAPIException e) {
      throw new MirrorException(describe(remoteUrl, e, whose));
    }
  }

  /**
   * Fetches the external repository's {@code main} and tags, fast-forwards the project's {@code
   * main} and adds the tags it lacks (existing tags are never moved).
   *
   * @throws PullRefusedException when {@code main} has diverged or the external repository has no main
   */
  public PullResult pull(ProjectId id, String remoteUrl, long maxFileBytes) {
    try (Repository repository = JGitProjectFiles.open(id).orElseThrow(() -> new MirrorException("The project's repository is missing on disk."));
        Git git = Git.wrap(repository)) {
      try {
        git.fetch().setRemote(remoteUrl).setCredentialsProvider(credentials()).setTimeout(TIMEOUT_SECONDS).setTagOpt(TagOpt.NO_TAGS)
            .setRefSpecs(new RefSpec("+" + MAIN + ":" + FETCHED_MAIN), new RefSpec("+refs/tags/*:" + FETCHED_TAGS + "*")).call();
        Ref fetched = repository.exactRef(FETCHED_MAIN);
        if (fetched == null) {
          throw new PullRefusedException("The external repository " + remoteUrl + " has no branch main; push the project there first"
              + " (an administrator can run: tessera admin git migrate).");
        }
        ObjectId theirs = fetched.getObjectId();
        ObjectId ours = repository.resolve(MAIN);
        boolean updated = false;
        String message;
        try (RevWalk walk = new RevWalk(repository)) {
          if (ours != null && ours.equals(theirs)) {
            message = "main is already up to date with the external repository.";
          } else if (ours == null || walk.isMergedInto(walk.parseCommit(ours), walk.parseCommit(theirs))) {
            // The same file size limit as pushes to Tessera: the pulled commits must not bring a larger file.
            Optional<String> tooLarge = FileSizeLimitHook.oversized(repository, List.of(theirs), ref -> !ref.getName().startsWith("refs/tessera-external/"), maxFileBytes);
            if (tooLarge.isPresent()) {
              throw new PullRefusedException("The external repository's main cannot be pulled: " + tooLarge.get() + " (in the external repository).");
            }
            RefUpdate update = repository.updateRef(MAIN);
            update.setExpectedOldObjectId(ours == null ? ObjectId.zeroId() : ours);
            update.setNewObjectId(theirs);
            update.setRefLogMessage("pull from " + remoteUrl, false);
            RefUpdate.Result result = update.update(walk);
            if (result != RefUpdate.Result.FAST_FORWARD && result != RefUpdate.Result.NEW) {
              throw new PullRefusedException("main changed while pulling (" + result + "); pull again.");
            }
            updated = true;
            message = "Fast-forwarded main to " + theirs.name() + ".";
          } else if (walk.isMergedInto(walk.parseCommit(theirs), walk.parseCommit(ours))) {
            message = "main in Tessera already contains the external repository's main; the mirror pushes Tessera's newer commits.";
          } else {
            throw new PullRefusedException("main has diverged: Tessera and the external repository " + remoteUrl
                + " each have commits the other lacks, so it cannot be fast-forwarded. Clone the project from Tessera, run git pull "
                + remoteUrl + " main, resolve the merge, and push to Tessera; the mirror then updates the external repository.");
          }
        }
        List<String> tagsAdded = new ArrayList<>();
        for (Ref tag : repository.getRefDatabase().getRefsByPrefix(FETCHED_TAGS)) {
          String name = tag.getName().substring(FETCHED_TAGS.length());
          if (repository.exactRef(Constants.R_TAGS + name) == null) {
            RefUpdate create = repository.updateRef(Constants.R_TAGS + name);
            create.setExpectedOldObjectId(ObjectId.zeroId());
            create.setNewObjectId(tag.getObjectId());
            if (create.update() == RefUpdate.Result.NEW) {
              tagsAdded.add(name);
            }
          }
        }
        return new PullResult(remoteUrl, ours == null ? null : ours.name(), updated ? theirs.name() : ours == null ? null : ours.name(), updated, tagsAdded, message);
      } finally {
        for (Ref ref : repository.getRefDatabase().getRefsByPrefix("refs/tessera-external/")) {
          RefUpdate delete = repository.updateRef(ref.getName());
          delete.setForceUpdate(true);
          delete.delete();
        }
      }
    } catch (GitAPIException e) {
      throw new MirrorException(describe(remoteUrl, e, whose));
    } catch (IOException e) {
      throw new MirrorException("Reading the project's repository failed: " + e.getMessage() + "; retry, and check the server's disk if it fails again.");
    }
  }

  private UsernamePasswordCredentialsProvider credentials() {
    return new UsernamePasswordCredentialsProvider(username, token == null ? "" : token);
  }

  static String describe(String remoteUrl, Exception e, String whose) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (message.contains("not authorized") || message.contains("Authentication is required") || message.contains("401")) {
      return "The external git service refused the credentials for " + remoteUrl + " (" + message
          + "); check " + whose + ".";
    }
    if (message.contains("403") || message.contains("not permitted") || message.contains("Forbidden")) {
      return "The external git service accepted the credentials but refused access to " + remoteUrl + " (" + message
          + "); the external account behind " + whose + " needs access to that repository there.";
    }
    return "Could not reach " + remoteUrl + ": " + message + ". Check the external git service and the URLs on Admin → External git.";
  }

  /**
   * Makes sure the repository exists on the service. {@code generic} servers create it on the first
   * push; GitHub and GitLab are asked through their REST API, and an existing repository is fine.
   */
  public void ensureRepository(ExternalGitType type, String apiUrl, String organization, String name, String description) {
    switch (type) {
      case GENERIC -> {}
      case GITHUB_V3 -> {
        String path = organization == null ? "/user/repos" : "/orgs/" + encode(organization) + "/repos";
        HttpResponse<String> response = send("POST", apiUrl + path, Map.of("Authorization", "Bearer " + token, "Accept", "application/vnd.github+json"),
            json(Map.of("name", name, "private", true, "description", description)));
        if (response.statusCode() != 201 && !(response.statusCode() == 422 && response.body().contains("already exists"))) {
          throw refused("GitHub", response, "that the token may create repositories in " + (organization == null ? "the user's account" : organization));
        }
      }
      case GITLAB_V4 -> {
        String api = apiUrl.endsWith("/api/v4") ? apiUrl : apiUrl + "/api/v4";
        Map<String, String> headers = Map.of("PRIVATE-TOKEN", token == null ? "" : token);
        HttpResponse<String> namespace = send("GET", api + "/namespaces/" + encode(organization), headers, null);
        Matcher id = FIRST_ID.matcher(namespace.body());
        if (namespace.statusCode() != 200 || !id.find()) {
          throw refused("GitLab", namespace, "that the group " + organization + " exists and the token has the api scope");
        }
        HttpResponse<String> response = send("POST", api + "/projects", headers,
            json(Map.of("name", name, "path", name, "namespace_id", Long.parseLong(id.group(1)), "visibility", "private", "description", description)));
        if (response.statusCode() != 201 && !(response.statusCode() == 400 && response.body().contains("has already been taken"))) {
          throw refused("GitLab", response, "that the token may create projects in " + organization);
        }
      }
    }
  }

  private HttpResponse<String> send(String method, String url, Map<String, String> headers, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new MirrorException("Could not reach " + url + ": " + e.getMessage() + "; check url on Admin → External git.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MirrorException("Interrupted while calling " + url + "; retry.");
    }
  }

  private static MirrorException refused(String service, HttpResponse<String> response, String check) {
    String body = response.body() == null ? "" : response.body();
    return new MirrorException(service + " answered " + response.statusCode() + " at " + response.uri() + ": "
        + (body.length() > 300 ? body.substring(0, 300) + "…" : body) + ". Check " + check + ".");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A flat JSON object; booleans and numbers are written bare, everything else as a string. */
  static String json(Map<String, Object> fields) {
    StringBuilder out = new StringBuilder("{");
    new java.util.TreeMap<>(fields).forEach((key, value) -> {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(quote(key)).append(':');
      out.append(value instanceof Boolean || value instanceof Number ? value.toString() : quote(value.toString()));
    });
    return out.append('}').toString();
  }

  private static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
