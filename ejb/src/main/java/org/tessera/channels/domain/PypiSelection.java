package org.tessera.channels.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides which projects and files a PyPI mirror copies: the projects of {@code pkg_list} (or of
 * {@code whitelist}; every project of the index when both are empty) less {@code blacklist}; of
 * each, the wheels and sdists, only the newest version's when {@code latest_only}.
 */
public final class PypiSelection {

  /** A file listed on a project's simple page; {@code sha256} is null when the index gives none. */
  public record Link(String filename, String url, String sha256, boolean yanked) {}

  private final MirrorConfig.Pypi config;
  private final Set<String> blacklist;

  public PypiSelection(MirrorConfig.Pypi config) {
    this.config = config;
    this.blacklist = config.blacklist().stream().map(PythonDistributionMetadata::normalize).collect(Collectors.toUnmodifiableSet());
  }

  /** The normalized projects to read, from the configuration or, for a full mirror, from the index. */
  public List<String> projects(List<String> indexProjects) {
    List<String> named = config.projects().isEmpty() ? indexProjects : config.projects();
    return named.stream().map(PythonDistributionMetadata::normalize).distinct().filter(p -> !blacklist.contains(p)).sorted().toList();
  }

  /** The links to copy: wheels and sdists; with {@code latest_only}, those of the newest release that is not yanked. */
  public List<Link> files(List<Link> links) {
    List<Link> distributions = links.stream().filter(l -> PythonDistributionMetadata.isDistributionFilename(l.filename()) && version(l.filename()).isPresent()).toList();
    if (!config.latestOnly()) {
      return distributions;
    }
    Optional<String> latest = distributions.stream().filter(l -> !l.yanked()).map(l -> version(l.filename()).orElseThrow())
        .filter(v -> !isPreRelease(v)).max(VersionOrder.INSTANCE);
    if (latest.isEmpty()) {
      latest = distributions.stream().filter(l -> !l.yanked()).map(l -> version(l.filename()).orElseThrow()).max(VersionOrder.INSTANCE);
    }
    String newest = latest.orElse(null);
    return distributions.stream().filter(l -> newest != null && version(l.filename()).orElseThrow().equals(newest)).toList();
  }

  /** The version in a wheel's or an sdist's file name. */
  public static Optional<String> version(String filename) {
    if (filename.endsWith(".whl")) {
      String[] parts = filename.substring(0, filename.length() - 4).split("-");
      return parts.length >= 5 ? Optional.of(parts[1]) : Optional.empty();
    }
    String stem = filename.endsWith(".tar.gz") ? filename.substring(0, filename.length() - 7)
        : filename.endsWith(".zip") ? filename.substring(0, filename.length() - 4) : null;
    if (stem == null || stem.lastIndexOf('-') <= 0) {
      return Optional.empty();
    }
    return Optional.of(stem.substring(stem.lastIndexOf('-') + 1));
  }

  private static boolean isPreRelease(String version) {
    return version.matches(".*\\d(a|b|rc|c|dev|alpha|beta|pre)\\d*.*") || version.contains(".dev");
  }

  /** Sorts links by file name, for a stable order in the run's results. */
  public static final Comparator<Link> BY_NAME = Comparator.comparing(Link::filename);
}
