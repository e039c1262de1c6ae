package org.tessera.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A personal access token. Only the SHA-256 hash of the secret is kept: a leaked table does not
 * leak usable tokens, and a high-entropy random secret needs no slow password hash. The secret
 * reads {@code tsr_<id>_<random>}, so it can be found by id without a scan and recognised by
 * secret scanners.
 */
@Entity
@Table(name = "access_token")
public class AccessToken {

  public static final int MAX_NAME_LENGTH = 100;
  public static final int MAX_DAYS = 366;
  private static final String PREFIX = "tsr_";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Id
  @Column(length = 16)
  private String id;

  @Column(nullable = false, length = 255)
  private String owner;

  @Column(nullable = false, length = MAX_NAME_LENGTH)
  private String name;

  @Column(name = "secret_hash", nullable = false, length = 64)
  private String secretHash;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "last_used_at")
  private OffsetDateTime lastUsedAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  protected AccessToken() {}

  private AccessToken(String id, String owner, String name, String secretHash, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
    this.id = id;
    this.owner = owner;
    this.name = name;
    this.secretHash = secretHash;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  /** Issues a new token; the returned secret is the only copy. */
  public static IssuedAccessToken.WithEntity issue(String owner, String name, int expiresInDays, OffsetDateTime now) {
    if (owner == null || owner.isBlank()) {
      throw new IllegalArgumentException("A token needs an owner.");
    }
    String label = name == null ? "" : name.strip();
    if (label.isEmpty() || label.length() > MAX_NAME_LENGTH) {
      throw new InvalidAccessTokenException("name", "Give the token a name of 1 to " + MAX_NAME_LENGTH + " characters, for example the machine or script that uses it.");
    }
    if (expiresInDays < 1 || expiresInDays > MAX_DAYS) {
      throw new InvalidAccessTokenException("expiresInDays", "A token expires after 1 to " + MAX_DAYS + " days; choose a number in that range.");
    }
    byte[] idBytes = new byte[8];
    RANDOM.nextBytes(idBytes);
    byte[] secretBytes = new byte[32];
    RANDOM.nextBytes(secretBytes);
    String id = HexFormat.of().formatHex(idBytes);
    String secret = PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    OffsetDateTime created = now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    AccessToken token = new AccessToken(id, owner, label, hash(secret), created, created.plus(Duration.ofDays(expiresInDays)));
    return new IssuedAccessToken.WithEntity(token, new IssuedAccessToken(id, label, secret, created.toInstant(), token.expiresAt.toInstant()));
  }

  /** The id inside a secret of our format, or empty for anything else. */
  public static Optional<String> idOf(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int end = secret.indexOf('_', PREFIX.length());
    return end == PREFIX.length() + 16 ? Optional.of(secret.substring(PREFIX.length(), end)) : Optional.empty();
  }

  /** Whether the secret is this token's and the token is neither expired nor revoked. */
  public boolean accepts(String username, String secret, OffsetDateTime now) {
    boolean secretMatches = MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII), secretHash.getBytes(StandardCharsets.US_ASCII));
    return secretMatches && owner.equals(username) && isLive(now);
  }

  public boolean isLive(OffsetDateTime now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  public void markUsed(OffsetDateTime now) {
    lastUsedAt = now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  /** Revoking an already revoked token keeps the first revocation time. */
  public void revoke(OffsetDateTime now) {
    if (revokedAt == null) {
      revokedAt = now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
  }

  public String id() {
    return id;
  }

  public String owner() {
    return owner;
  }

  public String name() {
    return name;
  }

  public AccessTokenSummary summary() {
    return new AccessTokenSummary(
        id,
        name,
        createdAt.toInstant(),
        expiresAt.toInstant(),
        lastUsedAt == null ? null : lastUsedAt.toInstant(),
        revokedAt == null ? null : revokedAt.toInstant());
  }

  private static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
