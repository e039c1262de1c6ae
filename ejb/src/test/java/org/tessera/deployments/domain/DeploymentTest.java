package org.tessera.deployments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeploymentTest {

  private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 25, 8, 0, 0, 0, ZoneOffset.UTC);
  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  private static Deployment deployment(String staticUrl, boolean isPublic) {
    return new Deployment("sales-api", staticUrl, "p1", "ada", "default", "small", isPublic, "v1", COMMIT, NOW);
  }

  @Test
  void servesAtItsNameOrItsStaticUrl() {
    assertEquals("/apps/sales-api/", deployment(null, false).path());
    assertFalse(deployment(" ", false).hasStaticUrl());
    Deployment fixed = deployment("churn-v2", false);
    assertEquals("/apps/churn-v2/", fixed.path());
    assertTrue(fixed.hasStaticUrl());
  }

  @Test
  void namesAndUrlsAreLowercaseDnsLabels() {
    InvalidDeploymentRequestException name = assertThrows(InvalidDeploymentRequestException.class,
        () -> new Deployment("Sales API", null, "p1", "ada", "default", "small", false, "v1", COMMIT, NOW));
    assertEquals("name", name.field());
    assertEquals("staticUrl", assertThrows(InvalidDeploymentRequestException.class, () -> deployment("../admin", false)).field());
    assertThrows(InvalidDeploymentRequestException.class, () -> deployment("-x", false));
  }

  @Test
  void privateDeploymentsAdmitTheOwnerAndTheirShares() {
    Deployment deployment = deployment(null, false);
    assertTrue(deployment.admits("ada", Set.of()));
    assertFalse(deployment.admits("bob", Set.of("sales")));
    deployment.share(DeploymentShare.Kind.GROUP, "sales");
    deployment.share(DeploymentShare.Kind.USER, "carol");
    assertTrue(deployment.admits("bob", Set.of("sales")));
    assertTrue(deployment.admits("carol", Set.of()));
    deployment.unshare(DeploymentShare.Kind.GROUP, "sales");
    assertFalse(deployment.admits("bob", Set.of("sales")));
    assertThrows(DeploymentNotFoundException.class, () -> deployment.unshare(DeploymentShare.Kind.GROUP, "sales"));
    assertThrows(InvalidDeploymentRequestException.class, () -> deployment.share(DeploymentShare.Kind.USER, "ada"));
    deployment.makePublic(true);
    assertTrue(deployment.admits("anyone", Set.of()));
  }

  @Test
  void aNewVersionGetsNoTrafficUntilTheSplitGivesItSome() {
    Deployment deployment = deployment(null, false);
    DeploymentVersion first = deployment.versions().get(0);
    DeploymentVersion second = deployment.addVersion("v2", COMMIT, NOW);
    assertEquals(100, first.weight());
    assertEquals(0, second.weight());
    assertThrows(InvalidDeploymentRequestException.class, () -> deployment.split(Map.of(second.id(), new TrafficSplit.Route(10, null))));
    assertEquals(0, second.weight(), "a refused split changes nothing");
    deployment.split(Map.of(first.id(), new TrafficSplit.Route(90, null), second.id(), new TrafficSplit.Route(10, null)));
    assertEquals(List.of(90, 10), deployment.versions().stream().map(DeploymentVersion::weight).toList());
    assertThrows(InvalidDeploymentRequestException.class, () -> deployment.removeVersion(first.id()), "v2 alone would have 10%");
    deployment.split(Map.of(first.id(), new TrafficSplit.Route(100, null), second.id(), new TrafficSplit.Route(0, "testers")));
    deployment.removeVersion(second.id());
    assertEquals(Optional.empty(), deployment.version(second.id()));
    assertThrows(InvalidDeploymentRequestException.class, () -> deployment.removeVersion(first.id()), "the only version");
  }

  @Test
  void aRedeployReplacesEveryVersionWithOneServingAll() {
    Deployment deployment = deployment(null, false);
    deployment.addVersion("v2", COMMIT, NOW);
    DeploymentVersion only = deployment.replaceVersions("v3", COMMIT, NOW);
    assertEquals(List.of(only), deployment.versions());
    assertEquals(100, only.weight());
    assertTrue(only.workloadId().matches("app-[0-9a-f]{16}"));
  }

  @Test
  void tokensAreAcceptedUntilRevokedOrExpired() {
    DeploymentToken.Issued issued = DeploymentToken.issue("d1", "ada", 7, NOW);
    String secret = issued.secret();
    assertTrue(DeploymentToken.looksLikeOne(secret));
    assertEquals(Optional.of(issued.token().id()), DeploymentToken.idOf(secret));
    assertTrue(issued.token().accepts(secret, NOW));
    assertFalse(issued.token().accepts(secret + "x", NOW));
    assertFalse(issued.token().accepts(secret, NOW.plusDays(7)));
    issued.token().revoke(NOW);
    assertFalse(issued.token().accepts(secret, NOW));
    assertThrows(InvalidDeploymentRequestException.class, () -> DeploymentToken.issue("d1", "ada", 0, NOW));
  }

  @Test
  void variablesAreCheckedSortedAndReplacedAsAWhole() {
    Deployment deployment = deployment(null, false);
    assertEquals(Map.of(), deployment.variables());
    deployment.replaceVariables(Map.of("MODEL", "v2", "GREETING", "Bonjour", "EMPTY", ""));
    assertEquals(List.of("EMPTY", "GREETING", "MODEL"), List.copyOf(deployment.variables().keySet()));
    deployment.replaceVariables(Map.of("GREETING", "Hej"));
    assertEquals(Map.of("GREETING", "Hej"), deployment.variables());
    deployment.replaceVariables(null);
    assertEquals(Map.of(), deployment.variables());
  }

  @Test
  void variablesThatTesseraSetsOrThatAreNotNamesAreRefusedNamingThem() {
    Deployment deployment = deployment(null, false);
    deployment.replaceVariables(Map.of("GREETING", "Hello"));
    for (String name : List.of("PORT", "url_prefix", "TESSERA_DEPLOYMENT_ID", "1ST", "A-B", "")) {
      InvalidDeploymentRequestException refused = assertThrows(InvalidDeploymentRequestException.class,
          () -> deployment.replaceVariables(Map.of(name, "x")), name);
      assertEquals("variables", refused.field());
      assertTrue(refused.getMessage().contains(name), refused.getMessage());
    }
    assertThrows(InvalidDeploymentRequestException.class, () -> deployment.replaceVariables(Map.of("BIG", "x".repeat(DeploymentVariables.MAX_VALUE + 1))));
    assertThrows(InvalidDeploymentRequestException.class, () -> deployment.replaceVariables(Map.of("NUL", "a\0b")));
    java.util.HashMap<String, String> noValue = new java.util.HashMap<>();
    noValue.put("GREETING", null);
    assertThrows(InvalidDeploymentRequestException.class, () -> deployment.replaceVariables(noValue));
    assertEquals(Map.of("GREETING", "Hello"), deployment.variables(), "a refusal leaves the variables as they were");
  }
}
