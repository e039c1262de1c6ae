package org.tessera.deployments.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which version serves a request: a version routed to a group serves that group's members (the
 * first such version, in the deployment's order); everyone else is shared among the versions
 * without a group by weight (percentages that add up to 100).
 */
public final class TrafficSplit {

  /** A version's share: {@code weight} percent of the users outside groups, or all of {@code group}. */
  public record Route(int weight, String group) {
    public Route {
      group = group == null || group.isBlank() ? null : group.strip();
      if (weight < 0 || weight > 100) {
        throw new InvalidDeploymentRequestException("weight", "A weight is a percentage from 0 to 100.");
      }
      if (group != null && weight != 0) {
        throw new InvalidDeploymentRequestException("weight", "A version routed to group " + group + " serves all of its members; give it weight 0.");
      }
    }
  }

  private TrafficSplit() {}

  /** What is wrong with a split, said so that it can follow "The split leaves ..."; empty when it is complete. */
  static Optional<String> problem(Map<String, Route> routes) {
    List<Route> open = routes.values().stream().filter(r -> r.group() == null).toList();
    if (open.isEmpty()) {
      return Optional.of("no version for users outside the groups: route at least one version to everyone (no group).");
    }
    int total = open.stream().mapToInt(Route::weight).sum();
    if (total != 100) {
      return Optional.of("the weights of the versions without a group adding up to " + total + "; they must add up to 100.");
    }
    return Optional.empty();
  }

  /**
   * The version for a user in {@code groups}, given {@code dice} uniformly drawn from [0, 100);
   * empty only when no target can serve.
   */
  public static <T> Optional<T> choose(List<T> targets, java.util.function.Function<T, Route> routeOf, Collection<String> groups, double dice) {
    for (T target : targets) {
      String group = routeOf.apply(target).group();
      if (group != null && groups.contains(group)) {
        return Optional.of(target);
      }
    }
    List<T> open = targets.stream().filter(t -> routeOf.apply(t).group() == null && routeOf.apply(t).weight() > 0).toList();
    int total = open.stream().mapToInt(t -> routeOf.apply(t).weight()).sum();
    if (total == 0) {
      return Optional.empty();
    }
    double point = dice * total / 100.0;
    int reached = 0;
    for (T target : open) {
      reached += routeOf.apply(target).weight();
      if (point < reached) {
        return Optional.of(target);
      }
    }
    return Optional.of(open.get(open.size() - 1));
  }
}
