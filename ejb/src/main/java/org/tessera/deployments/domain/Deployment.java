package org.tessera.deployments.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A project's command served at {@code /apps/{urlPath}/}: who owns it, who may open it (public:
 * every signed-in user; private: the owner, the project's collaborators and those it is shared
 * with; token holders always), and the versions that share its traffic. Names and URL paths are
 * unique on the platform, as in the seed.
 */
@Entity
@Table(name = "deployment")
public class Deployment {

  /** Lowercase letters, digits and dashes: the name may become a host name under a wildcard domain. */
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final SecureRandom RANDOM = new SecureRandom();
  public static final int MAX_VERSIONS = 5;

  @Id
  @Column(length = 16)
  private String id;

  @Column(nullable = false, length = 63)
  private String name;

  @Column(name = "url_path", nullable = false, length = 63)
  private String urlPath;

  @Column(name = "project_id", nullable = false, length = 16)
  private String projectId;

  @Column(nullable = false, length = 255)
  private String owner;

  @Column(nullable = false, length = 255)
  private String command;

  @Column(nullable = false, length = 63)
  private String profile;

  @Column(name = "is_public", nullable = false)
  private boolean isPublic;

  @Column(nullable = false, length = 64)
  private String secret;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @OneToMany(mappedBy = "deployment", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
  @OrderBy("startedAt")
  private List<DeploymentVersion> versions = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "deployment_share", joinColumns = @JoinColumn(name = "deployment_id"))
  private List<DeploymentShare> shares = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "deployment_variable", joinColumns = @JoinColumn(name = "deployment_id"))
  @MapKeyColumn(name = "var_name", length = DeploymentVariables.MAX_NAME)
  @Column(name = "var_value", nullable = false, length = DeploymentVariables.MAX_VALUE)
  private Map<String, String> variables = new TreeMap<>();

  protected Deployment() {}

  /** A new deployment serving {@code commitId} (named {@code label}) to all its users. */
  public Deployment(String name, String staticUrl, String projectId, String owner, String command, String profile, boolean isPublic, String label, String commitId, OffsetDateTime now) {
    this.name = slug("name", name, "Name the deployment with lowercase letters, digits and dashes (at most 63 characters, starting and ending with a letter or digit), like sales-forecast.");
    this.urlPath = staticUrl == null || staticUrl.isBlank()
        ? this.name
        : slug("staticUrl", staticUrl, "A static URL is the last part of /apps/{static-url}/: lowercase letters, digits and dashes, at most 63 characters, like churn-model-v2.");
    this.id = randomHex(8);
    this.projectId = projectId;
    this.owner = owner;
    this.command = command;
    this.profile = profile;
    this.isPublic = isPublic;
    this.secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
    this.createdAt = now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    this.versions.add(new DeploymentVersion(randomHex(8), this, label, commitId, 100, null, now));
  }

  private static String slug(String field, String value, String rule) {
    String wanted = value == null ? "" : value.strip();
    if (!SLUG.matcher(wanted).matches()) {
      throw new InvalidDeploymentRequestException(field, "'" + wanted + "' cannot be used. " + rule);
    }
    return wanted;
  }

  private static byte[] random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return value;
  }

  static String randomHex(int bytes) {
    return HexFormat.of().formatHex(random(bytes));
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  /** The last part of {@code /apps/{urlPath}/}: the static URL, or the name. */
  public String urlPath() {
    return urlPath;
  }

  public String path() {
    return "/apps/" + urlPath + "/";
  }

  public boolean hasStaticUrl() {
    return !urlPath.equals(name);
  }

  public String projectId() {
    return projectId;
  }

  public String owner() {
    return owner;
  }

  public String command() {
    return command;
  }

  public String profile() {
    return profile;
  }

  public boolean isPublic() {
    return isPublic;
  }

  /** Shown to the deployed program on the user's behalf by the proxy (Jupyter's token); never to users. */
  public String secret() {
    return secret;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public List<DeploymentVersion> versions() {
    return List.copyOf(versions);
  }

  public Optional<DeploymentVersion> version(String versionId) {
    return versions.stream().filter(v -> v.id().equals(versionId)).findFirst();
  }

  public List<DeploymentShare> shares() {
    return List.copyOf(shares);
  }

  /** The environment variables set for this deployment, by name; they override the project's defaults. */
  public Map<String, String> variables() {
    return new TreeMap<>(variables);
  }

  /** Replaces the variables (checked by {@link DeploymentVariables#checked}); running versions keep theirs until restarted. */
  public void replaceVariables(Map<String, String> wanted) {
    Map<String, String> checked = DeploymentVariables.checked(wanted);
    variables.clear();
    variables.putAll(checked);
  }

  public void makePublic(boolean isPublic) {
    this.isPublic = isPublic;
  }

  /** Whether the user may open it without a token, leaving aside project collaboration. */
  public boolean admits(String username, Collection<String> groups) {
    return isPublic || owner.equals(username) || shares.stream().anyMatch(s -> s.covers(username, groups));
  }

  public void share(DeploymentShare.Kind kind, String name) {
    DeploymentShare wanted = new DeploymentShare(kind, name);
    if (kind == DeploymentShare.Kind.USER && wanted.name().equals(owner)) {
      throw new InvalidDeploymentRequestException("name", owner + " owns deployment " + this.name + " already; share it with someone else.");
    }
    if (shares.stream().noneMatch(s -> s.is(kind, wanted.name()))) {
      shares.add(wanted);
    }
  }

  public void unshare(DeploymentShare.Kind kind, String name) {
    String wanted = name == null ? "" : name.strip();
    if (!shares.removeIf(s -> s.is(kind, wanted))) {
      throw new DeploymentNotFoundException("Deployment " + this.name + " is not shared with the " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + wanted + ".");
    }
  }

  /** Adds a version that gets no traffic until the split gives it some. */
  public DeploymentVersion addVersion(String label, String commitId, OffsetDateTime now) {
    if (versions.size() >= MAX_VERSIONS) {
      throw new InvalidDeploymentRequestException("revision", "A deployment serves at most " + MAX_VERSIONS + " versions; remove one first.");
    }
    DeploymentVersion version = new DeploymentVersion(randomHex(8), this, label, commitId, 0, null, now);
    versions.add(version);
    return version;
  }

  /** Replaces every version with one at {@code commitId}: a redeploy that keeps the URL. */
  public DeploymentVersion replaceVersions(String label, String commitId, OffsetDateTime now) {
    versions.clear();
    DeploymentVersion version = new DeploymentVersion(randomHex(8), this, label, commitId, 100, null, now);
    versions.add(version);
    return version;
  }

  public DeploymentVersion removeVersion(String versionId) {
    DeploymentVersion version = version(versionId).orElseThrow(() -> new DeploymentNotFoundException("Deployment " + name + " has no version " + versionId + "."));
    List<DeploymentVersion> rest = versions.stream().filter(v -> v != version).toList();
    if (rest.isEmpty()) {
      throw new InvalidDeploymentRequestException("version", "Version " + versionId + " is the only one of " + name + "; terminate the deployment instead, or add another version first.");
    }
    Map<String, TrafficSplit.Route> routes = new java.util.LinkedHashMap<>();
    rest.forEach(v -> routes.put(v.id(), new TrafficSplit.Route(v.weight(), v.group())));
    if (TrafficSplit.problem(routes).isPresent()) {
      throw new InvalidDeploymentRequestException("version", "Removing version " + versionId + " would leave " + TrafficSplit.problem(routes).get() + " Change the split first.");
    }
    versions.remove(version);
    return version;
  }

  /** Sets every version's share of traffic at once; refused as a whole when the split is not complete. */
  public void split(Map<String, TrafficSplit.Route> routes) {
    for (String versionId : routes.keySet()) {
      if (version(versionId).isEmpty()) {
        throw new InvalidDeploymentRequestException("versions", "Deployment " + name + " has no version " + versionId + "; list them with GET /api/v1/deployments/" + id + ".");
      }
    }
    Map<String, TrafficSplit.Route> complete = new java.util.LinkedHashMap<>();
    versions.forEach(v -> complete.put(v.id(), routes.getOrDefault(v.id(), new TrafficSplit.Route(v.weight(), v.group()))));
    TrafficSplit.problem(complete).ifPresent(p -> {
      throw new InvalidDeploymentRequestException("versions", "The split leaves " + p);
    });
    versions.forEach(v -> v.route(complete.get(v.id()).weight(), complete.get(v.id()).group()));
  }
}
