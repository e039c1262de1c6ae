package org.tessera.channels.application;

import java.util.List;

/**
 * The platform's channel settings as an administrator edits them: entries are local channel names
 * or URLs, kept as typed; {@code channelAlias} is the effective alias (the default when none is set).
 */
public record ChannelSettings(String channelAlias, boolean defaultAlias, List<String> defaultChannels, String pypiIndex, List<String> extraIndexUrls) {

  public ChannelSettings {
    defaultChannels = defaultChannels == null ? List.of() : List.copyOf(defaultChannels);
    extraIndexUrls = extraIndexUrls == null ? List.of() : List.copyOf(extraIndexUrls);
  }
}
