package org.tessera.channels.rest.dto;

import java.util.List;
import org.tessera.channels.application.ChannelSettings;

/**
 * {@code {"channelAlias", "defaultChannels": [...], "pypiIndex", "extraIndexUrls": [...]}}: entries are
 * channel names of this platform or URLs; a null or empty alias means the default.
 */
public record ChannelSettingsBody(String channelAlias, List<String> defaultChannels, String pypiIndex, List<String> extraIndexUrls) {

  public static ChannelSettingsBody from(ChannelSettings settings) {
    return new ChannelSettingsBody(settings.channelAlias(), settings.defaultChannels(), settings.pypiIndex(), settings.extraIndexUrls());
  }
}
