package org.tessera.channels.application;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import org.tessera.identity.domain.UserProfile;

/**
 * Conda channels and PyPI indexes: creating and sharing them, publishing and deleting package
 * files, and reading them. Methods that serve clients take a null caller for anonymous requests,
 * which see public channels only; a private channel they may not read is reported as missing.
 */
public interface ChannelService {

  /** Creates a channel owned by the caller; needs the upload permission ({@code ae-uploader}). */
  ChannelView create(@NotNull UserProfile caller, String name, String type, boolean isPrivate);

  /** The channels the caller can read, by name. */
  List<ChannelView> list(UserProfile caller);

  ChannelView get(UserProfile caller, @NotNull String name);

  /** What a package client needs to serve a channel it may read; no database query while cached. */
  ChannelAccess readAccess(UserProfile caller, @NotNull String name);

  /** Deletes a channel with all its files; its owner or an admin. */
  void delete(@NotNull UserProfile caller, @NotNull String name);

  ChannelView setPrivate(@NotNull UserProfile caller, @NotNull String name, boolean isPrivate);

  /** Shares with a user ({@code kind} user) or a group, at level read or read-write (the default). */
  ChannelView share(@NotNull UserProfile caller, @NotNull String name, @NotNull String kind, String principal, String level);

  ChannelView unshare(@NotNull UserProfile caller, @NotNull String name, @NotNull String kind, String principal);

  /**
   * Publishes a received file: reads its metadata from inside it, refuses it with the reason when
   * it does not fit the channel, then moves it into place and updates the index. The received
   * file is consumed either way.
   */
  PackageFileView upload(@NotNull UserProfile caller, @NotNull String channel, String filename, @NotNull Path received);

  /** The channel's packages by name; {@code query} filters by a part of the name. */
  List<PackageSummary> packages(UserProfile caller, @NotNull String channel, String query);

  PackageDetail packageDetail(UserProfile caller, @NotNull String channel, @NotNull String packageName, String baseUrl);

  PackageFileView file(UserProfile caller, @NotNull String channel, @NotNull String subdir, @NotNull String filename);

  void deleteFile(@NotNull UserProfile caller, @NotNull String channel, @NotNull String subdir, @NotNull String filename);

  /** Deletes every file of one version of a package. */
  void deleteVersion(@NotNull UserProfile caller, @NotNull String channel, @NotNull String packageName, @NotNull String version);

  /** Yanks (PEP 592) or un-yanks a PyPI file; yanked files stay installable by exact pin. */
  PackageFileView yank(@NotNull UserProfile caller, @NotNull String channel, @NotNull String subdir, @NotNull String filename, boolean yanked, String reason);

  /** A package file to send to a client, counted as a download. */
  ServedFile download(UserProfile caller, @NotNull String channel, @NotNull String subdir, @NotNull String filename);

  /** The PEP 658 core metadata of a wheel in a PyPI channel (its {@code .metadata} file), not counted as a download. */
  ServedFile coreMetadata(UserProfile caller, @NotNull String channel, @NotNull String project, @NotNull String wheel);

  /**
   * The files of a PyPI project, oldest version first, for its simple index page; empty when the
   * project has none. A conda channel is reported as {@code PackageNotFoundException}.
   */
  List<DistributionFile> projectFiles(UserProfile caller, @NotNull String channel, @NotNull String project);

  /** The projects of a PyPI index, normalized names, sorted; a conda channel is reported as {@code PackageNotFoundException}. */
  List<String> projects(UserProfile caller, @NotNull String channel);

  /** Rebuilds every conda index of a channel from its rows (after a restart, or when an admin asks). */
  void reindex(@NotNull UserProfile caller, @NotNull String channel);
}
