package org.tessera.deployments.rest.dto;

import java.util.List;

/**
 * Every version's share at once: {@code version} is a version's id or label; a version with a
 * {@code group} serves that group's members, the others share everyone else by {@code weight}
 * (percentages adding up to 100). Versions left out keep their route.
 */
public record SplitRequest(List<Route> routes) {

  public record Route(String version, Integer weight, String group) {}
}
