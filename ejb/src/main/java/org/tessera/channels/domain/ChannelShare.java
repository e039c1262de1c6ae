package org.tessera.channels.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A user or a group a channel is shared with, read-only or read-write. */
@Embeddable
public class ChannelShare {

  /** Whether {@link #name()} is a user name or a group name. */
  public enum Kind {
    USER,
    GROUP
  }

  /** What a share allows; the seed's UI default is read-write, the CLI's {@code --level r} is read. */
  public enum Level {
    READ,
    READ_WRITE;

    /** The seed's spellings: {@code r}, {@code read}, {@code rw}, {@code read-write}, {@code write}. */
    public static Optional<Level> parse(String value) {
      if (value == null || value.isBlank()) {
        return Optional.of(READ_WRITE);
      }
      return switch (value.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
        case "r", "read" -> Optional.of(READ);
        case "rw", "w", "write", "read-write" -> Optional.of(READ_WRITE);
        default -> Optional.empty();
      };
    }

    public String label() {
      return this == READ ? "read" : "read-write";
    }
  }

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 8)
  private Kind kind;

  @Column(name = "name", nullable = false, length = 255)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "level", nullable = false, length = 16)
  private Level level;

  protected ChannelShare() {}

  public ChannelShare(Kind kind, String name, Level level) {
    if (name == null || name.isBlank() || name.strip().length() > 255) {
      throw new InvalidChannelRequestException(kind == Kind.GROUP ? "group" : "user", "Name the user or the group to share with (at most 255 characters).");
    }
    this.kind = Objects.requireNonNull(kind, "kind");
    this.name = name.strip();
    this.level = Objects.requireNonNull(level, "level");
  }

  public Kind kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  public Level level() {
    return level;
  }

  boolean is(Kind kind, String name) {
    return this.kind == kind && this.name.equals(name);
  }

  boolean covers(String username, Collection<String> groups) {
    return kind == Kind.USER ? name.equals(username) : groups.contains(name);
  }
}
