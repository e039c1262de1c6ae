package org.tessera.deployments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TrafficSplitTest {

  private record Target(String name, TrafficSplit.Route route) {}

  private static final Function<Target, TrafficSplit.Route> ROUTE = Target::route;

  @Test
  void weightsShareTheUsersOutsideGroups() {
    List<Target> targets = List.of(new Target("v1", new TrafficSplit.Route(90, null)), new Target("v2", new TrafficSplit.Route(10, null)));
    assertEquals("v1", TrafficSplit.choose(targets, ROUTE, Set.of(), 0).orElseThrow().name());
    assertEquals("v1", TrafficSplit.choose(targets, ROUTE, Set.of(), 89.99).orElseThrow().name());
    assertEquals("v2", TrafficSplit.choose(targets, ROUTE, Set.of(), 90).orElseThrow().name());
    Random random = new Random(7);
    long second = java.util.stream.IntStream.range(0, 10_000).filter(i -> TrafficSplit.choose(targets, ROUTE, Set.of(), random.nextDouble() * 100).orElseThrow().name().equals("v2")).count();
    assertTrue(second > 900 && second < 1100, "about 10% to v2, got " + second);
  }

  @Test
  void aGroupsMembersGoToItsVersionWhateverTheDice() {
    List<Target> targets = List.of(new Target("stable", new TrafficSplit.Route(100, null)), new Target("beta", new TrafficSplit.Route(0, "testers")));
    assertEquals("beta", TrafficSplit.choose(targets, ROUTE, Set.of("testers"), 0).orElseThrow().name());
    assertEquals("stable", TrafficSplit.choose(targets, ROUTE, Set.of("sales"), 50).orElseThrow().name());
  }

  @Test
  void versionsThatDoNotServeAreLeftOutAndNothingIsChosenWhenNoneCan() {
    List<Target> targets = List.of(new Target("v2", new TrafficSplit.Route(10, null)));
    assertEquals("v2", TrafficSplit.choose(targets, ROUTE, Set.of(), 95).orElseThrow().name());
    assertEquals(Optional.empty(), TrafficSplit.choose(List.of(new Target("new", new TrafficSplit.Route(0, null))), ROUTE, Set.of(), 5));
  }

  @Test
  void aSplitMustCoverEveryoneAndAddUpToAHundred() {
    assertTrue(TrafficSplit.problem(Map.of("a", new TrafficSplit.Route(60, null), "b", new TrafficSplit.Route(30, null))).orElseThrow().contains("90"));
    assertTrue(TrafficSplit.problem(Map.of("a", new TrafficSplit.Route(0, "g"))).orElseThrow().contains("outside the groups"));
    assertEquals(Optional.empty(), TrafficSplit.problem(Map.of("a", new TrafficSplit.Route(100, null), "b", new TrafficSplit.Route(0, "g"))));
    assertThrows(InvalidDeploymentRequestException.class, () -> new TrafficSplit.Route(101, null));
    assertThrows(InvalidDeploymentRequestException.class, () -> new TrafficSplit.Route(20, "g"));
  }
}
