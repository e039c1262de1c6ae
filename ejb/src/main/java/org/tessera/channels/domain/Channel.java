package org.tessera.channels.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A conda channel or a PyPI index. Public channels can be read by anyone, even without signing in
 * (the seed's default); private ones by their owner, admins and those they are shared with. Only
 * the owner, admins and read-write collaborators change what a channel holds.
 */
@Entity
@Table(name = "channel")
public class Channel {

  public static final int MAX_NAME_LENGTH = 63;
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  /**
   * {@code t} would clash with conda's token URLs ({@code /t/TOKEN/channel}); the seed keeps
   * {@code anaconda-enterprise} for the platform itself.
   */
  private static final Set<String> RESERVED = Set.of("t", "anaconda-enterprise", "simple", "files");

  private static final SecureRandom RANDOM = new SecureRandom();

  @Id
  @Column(name = "id", length = 16)
  private String id;

  @Column(name = "name", nullable = false, length = MAX_NAME_LENGTH)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 8)
  private ChannelType type;

  @Column(name = "owner", nullable = false)
  private String owner;

  @Column(name = "is_private", nullable = false)
  private boolean isPrivate;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "channel_share", joinColumns = @JoinColumn(name = "channel_id"))
  private List<ChannelShare> shares = new ArrayList<>();

  protected Channel() {}

  public Channel(String name, ChannelType type, String owner, boolean isPrivate, OffsetDateTime now) {
    this.id = HexFormat.of().formatHex(randomBytes(8));
    this.name = validName(name);
    this.type = Objects.requireNonNull(type, "type");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.isPrivate = isPrivate;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** The name as given, lower-cased, if it is one a channel may have; otherwise says what is allowed. */
  public static String validName(String value) {
    String name = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
      throw new InvalidChannelRequestException("name",
          "Channel names have 1 to " + MAX_NAME_LENGTH + " lowercase letters, digits, dots, dashes and underscores, "
              + "starting with a letter or a digit, like team-ml or conda-forge.");
    }
    if (RESERVED.contains(name)) {
      throw new InvalidChannelRequestException("name", "The name " + name + " is reserved for the platform; pick another.");
    }
    return name;
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public ChannelType type() {
    return type;
  }

  public String owner() {
    return owner;
  }

  public boolean isPrivate() {
    return isPrivate;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  public List<ChannelShare> shares() {
    return List.copyOf(shares);
  }

  /** Whether a user may list and download. {@code username} is null for anonymous clients. */
  public boolean readableBy(String username, Collection<String> groups, boolean admin) {
    return !isPrivate || admin || owner.equals(username) || (username != null && shares.stream().anyMatch(s -> s.covers(username, groups)));
  }

  /** Whether a user may upload and delete packages. */
  public boolean writableBy(String username, Collection<String> groups, boolean admin) {
    return admin || owner.equals(username)
        || (username != null && shares.stream().anyMatch(s -> s.level() == ChannelShare.Level.READ_WRITE && s.covers(username, groups)));
  }

  /** Whether a user may delete the channel, change its visibility and its shares. */
  public boolean managedBy(String username, boolean admin) {
    return admin || owner.equals(username);
  }

  public void makePrivate(boolean isPrivate, OffsetDateTime now) {
    this.isPrivate = isPrivate;
    this.updatedAt = now;
  }

  /** Shares with a user or group, or changes the level of an existing share. */
  public void share(ChannelShare.Kind kind, String principal, ChannelShare.Level level, OffsetDateTime now) {
    ChannelShare wanted = new ChannelShare(kind, principal, level);
    if (kind == ChannelShare.Kind.USER && wanted.name().equals(owner)) {
      throw new InvalidChannelRequestException("user", owner + " owns channel " + name + " already; share it with someone else.");
    }
    shares.removeIf(s -> s.is(kind, wanted.name()));
    shares.add(wanted);
    updatedAt = now;
  }

  public void unshare(ChannelShare.Kind kind, String principal, OffsetDateTime now) {
    String wanted = principal == null ? "" : principal.strip();
    if (!shares.removeIf(s -> s.is(kind, wanted))) {
      throw new ChannelShareNotFoundException("Channel " + name + " is not shared with the " + kind.name().toLowerCase(Locale.ROOT) + " " + wanted + ".");
    }
    updatedAt = now;
  }

  /** Records that the channel's content changed (the list shows when each was last updated). */
  public void touch(OffsetDateTime now) {
    updatedAt = now;
  }
}
