package org.tessera.channels.application;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.tessera.identity.domain.UserProfile;

/**
 * Mirrors of upstream conda channels and PyPI indexes into Tessera channels, as tracked runs that
 * work in the background, one file per transaction, and resume after a restart.
 */
public interface MirrorService {

  /**
   * Checks the YAML and the caller's rights, creates the destination channel if missing (owned
   * by the caller, public) and queues a run; it starts once this transaction commits. Needs the
   * upload permission ({@code ae-uploader}) and write access to an existing destination.
   */
  MirrorRunView start(@NotNull UserProfile caller, @NotNull(message = "Say whether the mirror is conda or pypi.") String kind,
      @NotNull(message = "Send the mirror configuration YAML.") String config, boolean clean);

  /** The caller's runs, newest first; admins see everyone's. */
  List<MirrorRunView> list(@NotNull UserProfile caller);

  /** A run with its per-file results. */
  MirrorRunView get(@NotNull UserProfile caller, @NotNull String id);

  /** Log lines after line {@code after} ({@code -1} for all), at most {@code max}. */
  List<MirrorRunView.LogLine> logs(@NotNull UserProfile caller, @NotNull String id, long after, int max);

  /** Stops the run after the file it is copying; its status becomes cancelled. */
  MirrorRunView cancel(@NotNull UserProfile caller, @NotNull String id);
}
