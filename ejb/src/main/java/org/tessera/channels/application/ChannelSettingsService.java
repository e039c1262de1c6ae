package org.tessera.channels.application;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.tessera.channels.domain.PackageSources;
import org.tessera.identity.domain.UserProfile;

/**
 * The channel alias, default conda channels and pip indexes of the platform (seed: {@code conda.channel_alias},
 * {@code conda.default_channels}, pip's {@code index-url}), and the {@code .condarc} and {@code pip.conf}
 * generated from them for users, sessions and deployments.
 */
public interface ChannelSettingsService {

  ChannelSettings settings();

  /**
   * Replaces the settings ({@code ae-admin}); a blank alias restores the default. Every local channel
   * name must exist with the right type (conda for the defaults, PyPI for the indexes), every URL be
   * http(s) or file; otherwise nothing is saved and the message names the entry.
   */
  ChannelSettings update(@NotNull UserProfile caller, String channelAlias, List<String> defaultChannels, String pypiIndex, List<String> extraIndexUrls);

  /** The settings resolved to URLs, as clients use them. */
  PackageSources sources();

  /** What every session and deployment workload gets in its environment; see {@link PackageSources#environment()}. */
  Map<String, String> workloadEnvironment();
}
