package org.tessera.channels.domain;

import java.util.List;

/**
 * A mirror's settings as read from the seed's YAML ({@code cas-sync-api-v5 --file} for conda,
 * {@code mirror pypi --config} for PyPI), with the seed's defaults filled in. {@code notes} says
 * which accepted keys have no effect here and why; they are shown in the run's log.
 */
public sealed interface MirrorConfig permits MirrorConfig.Conda, MirrorConfig.Pypi {

  MirrorKind kind();

  /** The channel the files go to. */
  String destination();

  List<String> notes();

  /**
   * Conda: {@code channels} are absolute URLs ({@code https://}, {@code file://}) or paths;
   * {@code platforms} empty means every platform the channels have.
   */
  record Conda(String remoteUrl, List<String> channels, String destChannel, List<String> platforms, List<String> pkgList, List<String> pythonVersions,
      List<String> licenseBlacklist, List<String> blacklist, List<String> whitelist, List<String> notes) implements MirrorConfig {

    @Override
    public MirrorKind kind() {
      return MirrorKind.CONDA;
    }

    @Override
    public String destination() {
      return destChannel;
    }
  }

  /**
   * PyPI: {@code user} is the destination index (the seed's {@code /repository/pypi/USER/simple/});
   * the simple index is {@code simpleIndexUrl}, else {@code remoteUrl + simple/}.
   */
  record Pypi(String user, List<String> pkgList, List<String> whitelist, List<String> blacklist, boolean latestOnly, String remoteUrl, String simpleIndexUrl,
      List<String> notes) implements MirrorConfig {

    @Override
    public MirrorKind kind() {
      return MirrorKind.PYPI;
    }

    @Override
    public String destination() {
      return user;
    }

    /** Where the project pages are: {@code simple_index_url}, else {@code remote_url}'s {@code simple/}. */
    public String indexUrl() {
      String base = simpleIndexUrl != null ? simpleIndexUrl : remoteUrl.replaceAll("/+$", "") + "/simple/";
      return base.endsWith("/") ? base : base + "/";
    }

    /** The projects named in the configuration, or empty for the whole index. */
    public List<String> projects() {
      return !pkgList.isEmpty() ? pkgList : whitelist;
    }
  }
}
