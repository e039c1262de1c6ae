package org.tessera.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessTokenTest {

  private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 25, 8, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void secretCarriesTheIdAndIsAcceptedOnlyForItsOwner() {
    IssuedAccessToken.WithEntity issued = AccessToken.issue("alice", "laptop", 30, NOW);
    String secret = issued.issued().secret();
    assertEquals(Optional.of(issued.issued().id()), AccessToken.idOf(secret));
    assertTrue(issued.entity().accepts("alice", secret, NOW));
    assertFalse(issued.entity().accepts("bob", secret, NOW));
    assertFalse(issued.entity().accepts("alice", secret + "x", NOW));
    assertEquals(NOW.plusDays(30).toInstant(), issued.issued().expiresAt());
  }

  @Test
  void twoTokensNeverShareASecret() {
    assertNotEquals(AccessToken.issue("alice", "a", 1, NOW).issued().secret(), AccessToken.issue("alice", "a", 1, NOW).issued().secret());
  }

  @Test
  void expiredAndRevokedTokensAreRefused() {
    IssuedAccessToken.WithEntity issued = AccessToken.issue("alice", "ci", 1, NOW);
    String secret = issued.issued().secret();
    assertFalse(issued.entity().accepts("alice", secret, NOW.plusDays(1)));
    issued.entity().revoke(NOW.plusMinutes(1));
    assertFalse(issued.entity().accepts("alice", secret, NOW.plusMinutes(2)));
    issued.entity().revoke(NOW.plusMinutes(5));
    assertEquals(NOW.plusMinutes(1).toInstant(), issued.entity().summary().revokedAt());
  }

  @Test
  void namesAndExpiriesOutOfBoundsSayWhatIsAllowed() {
    InvalidAccessTokenException blank = assertThrows(InvalidAccessTokenException.class, () -> AccessToken.issue("alice", "  ", 30, NOW));
    assertEquals("name", blank.field());
    assertThrows(InvalidAccessTokenException.class, () -> AccessToken.issue("alice", "x".repeat(101), 30, NOW));
    InvalidAccessTokenException days = assertThrows(InvalidAccessTokenException.class, () -> AccessToken.issue("alice", "ci", 367, NOW));
    assertEquals("expiresInDays", days.field());
    assertThrows(InvalidAccessTokenException.class, () -> AccessToken.issue("alice", "ci", 0, NOW));
  }

  @Test
  void foreignStringsHaveNoId() {
    assertEquals(Optional.empty(), AccessToken.idOf("password"));
    assertEquals(Optional.empty(), AccessToken.idOf("tsr_short_x"));
    assertEquals(Optional.empty(), AccessToken.idOf(null));
  }
}
