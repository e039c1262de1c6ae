package org.tessera.channels.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.channels.domain.Channel;
import org.tessera.channels.domain.ChannelType;
import org.tessera.channels.domain.InvalidChannelRequestException;
import org.tessera.channels.domain.PackageSources;
import org.tessera.channels.infrastructure.ChannelRows;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.UserProfile;
import org.tessera.shared.infrastructure.SettingRows;

/** Channel settings in the platform settings table; see {@link ChannelSettingsService}. */
@Stateless
@Local(ChannelSettingsService.class)
@PermitAll
public class ChannelSettingsServiceBean implements ChannelSettingsService {

  static final String ALIAS = "channels.channel-alias";
  static final String DEFAULTS = "channels.default-channels";
  static final String PYPI_INDEX = "channels.pypi-index";
  static final String EXTRA_INDEXES = "channels.pypi-extra-index-urls";
  private static final int MAX_ENTRIES = 50;

  @Inject SettingRows rows;
  @Inject ChannelRows channels;
  @EJB AuditService audit;

  /** Tessera's public URL, as the launcher passes it; workloads and users reach the channels there. */
  static String publicUrl() {
    String value = System.getProperty("tessera.public-url");
    if (value == null || value.isBlank()) {
      value = System.getenv("TESSERA_PUBLIC_URL");
    }
    return (value == null || value.isBlank() ? "http://localhost:8080" : value.strip()).replaceAll("/+$", "");
  }

  static String defaultAlias() {
    return publicUrl() + "/repository/conda";
  }

  @Override
  public ChannelSettings settings() {
    Optional<String> alias = rows.get(ALIAS).filter(a -> !a.isBlank());
    return new ChannelSettings(alias.orElse(defaultAlias()), alias.isEmpty(), PackageSources.split(rows.get(DEFAULTS).orElse("")),
        rows.get(PYPI_INDEX).filter(p -> !p.isBlank()).orElse(null), PackageSources.split(rows.get(EXTRA_INDEXES).orElse("")));
  }

  @Override
  public ChannelSettings update(UserProfile caller, String channelAlias, List<String> defaultChannels, String pypiIndex, List<String> extraIndexUrls) {
    if (!caller.hasRole(Roles.ADMIN)) {
      throw new jakarta.ejb.EJBAccessException("Only administrators change the channel settings.");
    }
    String alias = channelAlias == null || channelAlias.isBlank() ? "" : channelAlias.strip().replaceAll("/+$", "");
    if (!alias.isEmpty() && !alias.matches("(?i)https?://[^\\s/]+(/\\S*)?")) {
      throw new InvalidChannelRequestException("channelAlias", "The channel alias is an http(s) URL, like " + defaultAlias() + "; leave it empty for that default.");
    }
    List<String> defaults = entries("defaultChannels", defaultChannels, ChannelType.CONDA);
    List<String> index = entries("pypiIndex", pypiIndex == null || pypiIndex.isBlank() ? List.of() : List.of(pypiIndex), ChannelType.PYPI);
    List<String> extras = entries("extraIndexUrls", extraIndexUrls, ChannelType.PYPI);
    rows.put(ALIAS, alias);
    rows.put(DEFAULTS, String.join("\n", defaults));
    rows.put(PYPI_INDEX, index.isEmpty() ? "" : index.get(0));
    rows.put(EXTRA_INDEXES, String.join("\n", extras));
    audit.record(new AuditRecord(caller.username(), "channels.settings-changed", "setting:channels", null, org.tessera.audit.domain.AuditEvent.Outcome.SUCCESS,
        "alias " + (alias.isEmpty() ? "default" : alias) + ", defaults " + defaults + ", pip index " + index + ", extra " + extras));
    return settings();
  }

  /** Checks each entry: a URL, or the name of a local channel of {@code type}; returns them cleaned. */
  private List<String> entries(String field, List<String> given, ChannelType type) {
    List<String> out = new ArrayList<>();
    for (String raw : given == null ? List.<String>of() : given) {
      String entry = raw == null ? "" : raw.strip();
      if (entry.isEmpty() || out.contains(entry)) {
        continue;
      }
      if (PackageSources.isUrl(entry)) {
        out.add(entry);
        continue;
      }
      if (entry.contains("://") || entry.contains("/")) {
        throw new InvalidChannelRequestException(field, "'" + entry + "' is neither a channel name nor an http(s) or file URL.");
      }
      Optional<Channel> channel = channels.byName(entry.toLowerCase(Locale.ROOT));
      if (channel.isEmpty()) {
        throw new InvalidChannelRequestException(field, "There is no channel '" + entry + "' on this platform; create it first, fix the name, or give a URL.");
      }
      if (channel.get().type() != type) {
        throw new InvalidChannelRequestException(field, "Channel '" + entry + "' is a " + channel.get().type().pathSegment() + " channel; "
            + (type == ChannelType.CONDA ? "default channels are conda channels." : "pip indexes are PyPI channels."));
      }
      out.add(channel.get().name());
    }
    if (out.size() > MAX_ENTRIES) {
      throw new InvalidChannelRequestException(field, "List at most " + MAX_ENTRIES + " entries.");
    }
    return out;
  }

  @Override
  public PackageSources sources() {
    ChannelSettings settings = settings();
    String alias = settings.channelAlias().replaceAll("/+$", "");
    List<String> privates = new ArrayList<>();
    List<String> defaults = new ArrayList<>();
    for (String entry : settings.defaultChannels()) {
      if (PackageSources.isUrl(entry)) {
        defaults.add(PackageSources.condaUrl(alias, entry));
      } else {
        channels.byName(entry).ifPresent(c -> {
          defaults.add(PackageSources.condaUrl(alias, c.name()));
          if (c.isPrivate()) {
            privates.add(c.name());
          }
        });
      }
    }
    List<String> indexes = new ArrayList<>();
    for (String entry : settings.pypiIndex() == null ? settings.extraIndexUrls() : concat(settings.pypiIndex(), settings.extraIndexUrls())) {
      if (PackageSources.isUrl(entry)) {
        indexes.add(entry);
      } else {
        channels.byName(entry).ifPresentOrElse(c -> {
          indexes.add(publicUrl() + "/repository/pypi/" + c.name() + "/simple/");
          if (c.isPrivate() && !privates.contains(c.name())) {
            privates.add(c.name());
          }
        }, () -> indexes.add(null));
      }
    }
    String index = settings.pypiIndex() == null || indexes.isEmpty() ? null : indexes.remove(0);
    indexes.removeIf(java.util.Objects::isNull);
    return new PackageSources(alias, defaults, index, indexes, privates);
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }

  @Override
  public Map<String, String> workloadEnvironment() {
    return sources().environment();
  }
}
