package org.tessera.channels.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelTest {

  private final OffsetDateTime now = OffsetDateTime.now();

  @Test
  void names_are_lowercased_and_checked() {
    assertThat(new Channel("Team-ML", ChannelType.CONDA, "alice", false, now).name()).isEqualTo("team-ml");
    assertThatThrownBy(() -> new Channel("has space", ChannelType.CONDA, "alice", false, now)).isInstanceOf(InvalidChannelRequestException.class)
        .hasMessageContaining("lowercase letters");
    assertThatThrownBy(() -> new Channel("../etc", ChannelType.CONDA, "alice", false, now)).isInstanceOf(InvalidChannelRequestException.class);
    assertThatThrownBy(() -> new Channel("t", ChannelType.CONDA, "alice", false, now)).hasMessageContaining("reserved");
    assertThatThrownBy(() -> new Channel("x".repeat(64), ChannelType.PYPI, "alice", false, now)).isInstanceOf(InvalidChannelRequestException.class);
  }

  @Test
  void public_channels_are_readable_by_anyone_private_ones_by_owner_shares_and_admins() {
    Channel open = new Channel("open", ChannelType.CONDA, "alice", false, now);
    assertThat(open.readableBy(null, List.of(), false)).isTrue();
    assertThat(open.writableBy("bob", List.of(), false)).isFalse();

    Channel closed = new Channel("closed", ChannelType.CONDA, "alice", true, now);
    assertThat(closed.readableBy(null, List.of(), false)).isFalse();
    assertThat(closed.readableBy("bob", List.of(), false)).isFalse();
    assertThat(closed.readableBy("carol", List.of(), true)).isTrue();
    assertThat(closed.readableBy("alice", List.of(), false)).isTrue();

    closed.share(ChannelShare.Kind.GROUP, "analysts", ChannelShare.Level.READ, now);
    assertThat(closed.readableBy("bob", List.of("analysts"), false)).isTrue();
    assertThat(closed.writableBy("bob", List.of("analysts"), false)).isFalse();

    closed.share(ChannelShare.Kind.USER, "bob", ChannelShare.Level.READ_WRITE, now);
    assertThat(closed.writableBy("bob", List.of(), false)).isTrue();
    assertThat(closed.managedBy("bob", false)).isFalse();
  }

  @Test
  void sharing_again_changes_the_level_and_unsharing_a_stranger_is_refused() {
    Channel channel = new Channel("c", ChannelType.PYPI, "alice", true, now);
    channel.share(ChannelShare.Kind.USER, "bob", ChannelShare.Level.READ_WRITE, now);
    channel.share(ChannelShare.Kind.USER, "bob", ChannelShare.Level.READ, now);
    assertThat(channel.shares()).singleElement().satisfies(s -> assertThat(s.level()).isEqualTo(ChannelShare.Level.READ));
    assertThatThrownBy(() -> channel.share(ChannelShare.Kind.USER, "alice", ChannelShare.Level.READ, now)).hasMessageContaining("owns");
    assertThatThrownBy(() -> channel.unshare(ChannelShare.Kind.GROUP, "nobody", now)).isInstanceOf(ChannelShareNotFoundException.class);
    channel.unshare(ChannelShare.Kind.USER, "bob", now);
    assertThat(channel.shares()).isEmpty();
  }

  @Test
  void share_levels_read_the_seeds_spellings() {
    assertThat(ChannelShare.Level.parse("r")).contains(ChannelShare.Level.READ);
    assertThat(ChannelShare.Level.parse(null)).contains(ChannelShare.Level.READ_WRITE);
    assertThat(ChannelShare.Level.parse("read-write")).contains(ChannelShare.Level.READ_WRITE);
    assertThat(ChannelShare.Level.parse("admin")).isEmpty();
  }
}
