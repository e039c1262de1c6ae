package org.tessera.deployments.domain;

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
 * A token that lets a machine call one deployment ({@code Authorization: Bearer tsd_...}). Only the
 * SHA-256 hash of the secret is kept; the secret reads {@code tsd_<id>_<random>} so that it is found
 * by id without a scan and recognised by secret scanners.
 */
@Entity
@Table(name = "deployment_token")
public class DeploymentToken {

  public static final int MAX_DAYS = 366;
  private static final String PREFIX = "tsd_";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Id
  @Column(length = 16)
  private String id;

  @Column(name = "deployment_id", nullable = false, length = 16)
  private String deploymentId;

  @Column(name = "created_by", nullable = false, length = 255)
  private String createdBy;

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

  protected DeploymentToken() {}

  /** A new token and its secret, of which this is the only copy. */
  public record Issued(DeploymentToken token, String secret) {}

  public static Issued issue(String deploymentId, String createdBy, int expiresInDays, OffsetDateTime now) {
    if (expiresInDays < 1 || expiresInDays > MAX_DAYS) {
      throw new InvalidDeploymentRequestException("expiresInDays", "A token expires after 1 to " + MAX_DAYS + " days; choose a number in that range.");
    }
    byte[] secretBytes = new byte[32];
    RANDOM.nextBytes(secretBytes);
    DeploymentToken token = new DeploymentToken();
    token.id = Deployment.randomHex(8);
    token.deploymentId = deploymentId;
    token.createdBy = createdBy;
    token.createdAt = now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    token.expiresAt = token.createdAt.plus(Duration.ofDays(expiresInDays));
    String secret = PREFIX + token.id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    token.secretHash = hash(secret);
    return new Issued(token, secret);
  }

  /** Whether a bearer credential is of this kind (and not, say, a Keycloak access token). */
  public static boolean looksLikeOne(String secret) {
    return secret != null && secret.startsWith(PREFIX);
  }

  /** The id inside a secret of our format, or empty for anything else. */
  public static Optional<String> idOf(String secret) {
    if (!looksLikeOne(secret)) {
      return Optional.empty();
    }
    int end = secret.indexOf('_', PREFIX.length());
    return end == PREFIX.length() + 16 ? Optional.of(secret.substring(PREFIX.length(), end)) : Optional.empty();
  }

  /** Whether the secret is this token's and the token is neither expired nor revoked. */
  public boolean accepts(String secret, OffsetDateTime now) {
    boolean matches = MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII), secretHash.getBytes(StandardCharsets.US_ASCII));
    return matches && isLive(now);
  }

  public boolean isLive(OffsetDateTime now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  public void markUsed(OffsetDateTime now) {
    lastUsedAt = now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  public void revoke(OffsetDateTime now) {
    if (revokedAt == null) {
      revokedAt = now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
  }

  public String id() {
    return id;
  }

  public String deploymentId() {
    return deploymentId;
  }

  public String createdBy() {
    return createdBy;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime expiresAt() {
    return expiresAt;
  }

  public OffsetDateTime lastUsedAt() {
    return lastUsedAt;
  }

  public OffsetDateTime revokedAt() {
    return revokedAt;
  }

  private static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
