package org.tessera.deployments.rest.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tessera.deployments.application.DeploymentView;
import org.tessera.deployments.web.DeploymentTraffic;

/**
 * A deployment; {@code url} is the path under Tessera's origin where the proxy serves it, and
 * {@code domainUrl} the same under the apps domain when one is configured. Each
 * version says where it is (status, reason, the last lines of a failure) and what it served.
 * {@code variables} only for those who manage the deployment (its owner and administrators).
 */
public record DeploymentResponse(
    String id,
    String name,
    String url,
    String domainUrl,
    String status,
    String projectId,
    String project,
    String owner,
    String command,
    String resourceProfile,
    @JsonbProperty("public") boolean isPublic,
    boolean staticUrl,
    String createdAt,
    Double cpuCores,
    Long memoryBytes,
    List<Version> versions,
    List<Share> shares,
    Map<String, String> variables) {

  public record Version(
      String id, String label, String commit, int weight, String group, String status, String reason, String since, List<String> lastLines,
      long requests, long serverErrors, double meanMillis, Double cpuCores, Long memoryBytes, String usageSource, String limits) {}

  public record Share(String kind, String name) {}

  public static DeploymentResponse from(DeploymentView view, DeploymentTraffic traffic) {
    var d = view.deployment();
    return new DeploymentResponse(
        d.id(),
        d.name(),
        d.path(),
        org.tessera.shared.web.PlatformSettings.appsDomain()
            .map(domain -> java.net.URI.create(org.tessera.shared.web.PlatformSettings.publicUrl()).getScheme() + "://" + d.urlPath() + "." + domain + "/").orElse(null),
        view.phase().name().toLowerCase(Locale.ROOT),
        d.projectId(),
        view.project(),
        d.owner(),
        d.command(),
        d.profile(),
        d.isPublic(),
        d.hasStaticUrl(),
        d.createdAt().toInstant().toString(),
        view.cpuCores(),
        view.memoryBytes(),
        view.versions().stream().map(v -> {
          DeploymentTraffic.Stats stats = traffic.of(v.version().id());
          return new Version(v.version().id(), v.version().label(), v.version().commitId(), v.version().weight(), v.version().group(),
              v.phase().name().toLowerCase(Locale.ROOT), v.reason(), v.since() == null ? null : v.since().toString(), v.lastLines(),
              stats.requests(), stats.serverErrors(), Math.round(stats.meanMillis() * 100) / 100.0,
              v.usage() == null ? null : v.usage().cpuCores(), v.usage() == null ? null : v.usage().memoryBytes(),
              v.usage() == null ? null : v.usage().source(), v.usage() == null ? null : v.usage().limits().name().toLowerCase(Locale.ROOT));
        }).toList(),
        d.shares().stream().map(s -> new Share(s.kind().name().toLowerCase(Locale.ROOT), s.name())).toList(),
        view.mayManage() ? d.variables() : null);
  }
}
