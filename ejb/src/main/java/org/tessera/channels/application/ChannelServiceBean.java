package org.tessera.channels.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.channels.domain.Channel;
import org.tessera.channels.domain.ChannelAccessDeniedException;
import org.tessera.channels.domain.ChannelExistsException;
import org.tessera.channels.domain.ChannelNotFoundException;
import org.tessera.channels.domain.ChannelShare;
import org.tessera.channels.domain.ChannelType;
import org.tessera.channels.domain.FileDigest;
import org.tessera.channels.domain.InvalidChannelRequestException;
import org.tessera.channels.domain.PackageFile;
import org.tessera.channels.domain.PackageFileExistsException;
import org.tessera.channels.domain.PackageMetadata;
import org.tessera.channels.domain.PackageNotFoundException;
import org.tessera.channels.domain.PythonDistributionMetadata;
import org.tessera.channels.domain.VersionOrder;
import org.tessera.channels.infrastructure.ChannelFiles;
import org.tessera.channels.infrastructure.ChannelRows;
import org.tessera.channels.infrastructure.CondaArchives;
import org.tessera.channels.infrastructure.CondaIndexFiles;
import org.tessera.channels.infrastructure.PythonDistributions;
import org.tessera.identity.application.PermissionService;
import org.tessera.identity.domain.Permission;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.UserProfile;

/** Channels over their rows and files; see {@link ChannelService}. */
@Stateless
@Local(ChannelService.class)
@PermitAll
public class ChannelServiceBean implements ChannelService {

  private static final int MAX_FILENAME = 255;

  @Inject ChannelRows rows;
  @Inject CondaIndexFiles indexes;
  @Inject PackagePublisher publisher;
  @Inject Event<ChannelDeleted> deleted;
  @Inject Event<ChannelAccessChanged> accessChanged;
  @Inject ChannelAccessCache accessCache;
  @EJB PermissionService permissions;
  @EJB AuditService audit;
  @EJB DownloadCounter downloads;

  @Override
  public ChannelView create(UserProfile caller, String name, String type, boolean isPrivate) {
    permissions.check(caller, Permission.UPLOAD_PACKAGES);
    ChannelType channelType = ChannelType.parse(type == null ? "conda" : type)
        .orElseThrow(() -> new InvalidChannelRequestException("type", "A channel's type is conda or pypi."));
    String valid = Channel.validName(name);
    if (rows.byName(valid).isPresent()) {
      throw new ChannelExistsException(valid);
    }
    Channel channel = new Channel(valid, channelType, caller.username(), isPrivate, OffsetDateTime.now());
    rows.add(channel);
    audit.record(AuditRecord.success(caller.username(), "channels.created", "channel:" + valid + " " + channelType.pathSegment() + (isPrivate ? " private" : " public"), null));
    return view(caller, channel);
  }

  @Override
  public List<ChannelView> list(UserProfile caller) {
    return rows.all().stream().filter(c -> readable(caller, c)).map(c -> view(caller, c)).toList();
  }

  @Override
  public ChannelView get(UserProfile caller, String name) {
    return view(caller, readableChannel(caller, name));
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public ChannelAccess readAccess(UserProfile caller, String name) {
    Channel channel = servedChannel(caller, name);
    return new ChannelAccess(channel.name(), channel.type().pathSegment(), channel.isPrivate());
  }

  @Override
  public void delete(UserProfile caller, String name) {
    Channel channel = managed(caller, name);
    rows.remove(channel);
    deleted.fire(new ChannelDeleted(channel.name()));
    accessChanged.fire(new ChannelAccessChanged(channel.name()));
    audit.record(AuditRecord.success(caller.username(), "channels.deleted", "channel:" + channel.name(), null));
  }

  @Override
  public ChannelView setPrivate(UserProfile caller, String name, boolean isPrivate) {
    Channel channel = managed(caller, name);
    channel.makePrivate(isPrivate, OffsetDateTime.now());
    accessChanged.fire(new ChannelAccessChanged(channel.name()));
    audit.record(AuditRecord.success(caller.username(), "channels.visibility", "channel:" + channel.name() + (isPrivate ? " private" : " public"), null));
    return view(caller, channel);
  }

  @Override
  public ChannelView share(UserProfile caller, String name, String kind, String principal, String level) {
    Channel channel = managed(caller, name);
    ChannelShare.Level parsed = ChannelShare.Level.parse(level)
        .orElseThrow(() -> new InvalidChannelRequestException("permission", "A share's permission is read (r) or read-write (rw)."));
    channel.share(shareKind(kind), principal, parsed, OffsetDateTime.now());
    accessChanged.fire(new ChannelAccessChanged(channel.name()));
    audit.record(AuditRecord.success(caller.username(), "channels.shared", "channel:" + channel.name() + " " + kind + ":" + principal + " " + parsed.label(), null));
    return view(caller, channel);
  }

  @Override
  public ChannelView unshare(UserProfile caller, String name, String kind, String principal) {
    Channel channel = managed(caller, name);
    channel.unshare(shareKind(kind), principal, OffsetDateTime.now());
    accessChanged.fire(new ChannelAccessChanged(channel.name()));
    audit.record(AuditRecord.success(caller.username(), "channels.unshared", "channel:" + channel.name() + " " + kind + ":" + principal, null));
    return view(caller, channel);
  }

  @Override
  public PackageFileView upload(UserProfile caller, String channelName, String filename, Path received) {
    try {
      permissions.check(caller, Permission.UPLOAD_PACKAGES);
      Channel channel = writable(caller, channelName);
      String name = validFilename(filename);
      PackageMetadata metadata = channel.type() == ChannelType.CONDA ? CondaArchives.read(received, name) : PythonDistributions.read(received, name);
      if (rows.file(channel.id(), metadata.subdir(), name).isPresent()) {
        throw new PackageFileExistsException(channel.name(), metadata.subdir() + "/" + name);
      }
      FileDigest digest = ChannelFiles.digest(received);
      PackageFile row = publisher.publish(channel, metadata, received, digest, caller.username(), null);
      audit.record(AuditRecord.success(caller.username(), "channels.uploaded", "channel:" + channel.name() + " " + row.path() + " sha256:" + digest.sha256(), null));
      return fileView(channel, row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        Files.deleteIfExists(received);
      } catch (IOException ignored) {
        // The staging directory is on the data disk; a leftover there is harmless.
      }
    }
  }

  @Override
  public List<PackageSummary> packages(UserProfile caller, String channelName, String query) {
    Channel channel = readableChannel(caller, channelName);
    String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    Map<String, List<PackageFile>> byName = rows.files(channel.id()).stream()
        .filter(f -> needle.isEmpty() || f.packageName().toLowerCase(Locale.ROOT).contains(needle))
        .collect(Collectors.groupingBy(PackageFile::packageName, java.util.TreeMap::new, Collectors.toList()));
    List<PackageSummary> summaries = new ArrayList<>();
    byName.forEach((name, files) -> {
      List<String> versions = versions(files);
      summaries.add(new PackageSummary(name, versions.get(0), versions, platforms(channel, files), files.size(),
          files.stream().mapToLong(this::downloadsOf).sum(), files.stream().map(PackageFile::uploadedAt).max(Comparator.naturalOrder()).orElseThrow().toInstant()));
    });
    return summaries;
  }

  @Override
  public PackageDetail packageDetail(UserProfile caller, String channelName, String packageName, String baseUrl) {
    Channel channel = readableChannel(caller, channelName);
    List<PackageFile> files = filesOfPackage(channel, packageName);
    List<String> versions = versions(files);
    VersionOrder order = VersionOrder.INSTANCE;
    List<PackageFileView> views = files.stream()
        .sorted(Comparator.comparing(PackageFile::version, order.reversed()).thenComparing(PackageFile::subdir).thenComparing(PackageFile::filename))
        .map(f -> fileView(channel, f)).toList();
    String name = files.get(0).packageName();
    return new PackageDetail(channel.name(), channel.type().pathSegment(), name, versions.get(0), versions, platforms(channel, files),
        files.stream().mapToLong(this::downloadsOf).sum(), installCommand(channel, name, baseUrl), views);
  }

  @Override
  public PackageFileView file(UserProfile caller, String channelName, String subdir, String filename) {
    Channel channel = readableChannel(caller, channelName);
    return fileView(channel, fileRow(channel, subdir, filename));
  }

  @Override
  public void deleteFile(UserProfile caller, String channelName, String subdir, String filename) {
    Channel channel = writable(caller, channelName);
    PackageFile file = fileRow(channel, subdir, filename);
    removeFiles(caller, channel, List.of(file));
  }

  @Override
  public void deleteVersion(UserProfile caller, String channelName, String packageName, String version) {
    Channel channel = writable(caller, channelName);
    List<PackageFile> files = filesOfPackage(channel, packageName).stream().filter(f -> f.version().equals(version)).toList();
    if (files.isEmpty()) {
      throw new PackageNotFoundException("Package " + packageName + " has no version " + version + " in channel " + channel.name() + ".");
    }
    removeFiles(caller, channel, files);
  }

  @Override
  public PackageFileView yank(UserProfile caller, String channelName, String subdir, String filename, boolean yanked, String reason) {
    Channel channel = writable(caller, channelName);
    if (channel.type() != ChannelType.PYPI) {
      throw new InvalidChannelRequestException("yanked", "Only PyPI files can be yanked; delete a conda file instead.");
    }
    PackageFile file = fileRow(channel, subdir, filename);
    if (yanked) {
      file.yank(reason);
    } else {
      file.unyank();
    }
    channel.touch(OffsetDateTime.now());
    audit.record(AuditRecord.success(caller.username(), yanked ? "channels.yanked" : "channels.unyanked", "channel:" + channel.name() + " " + file.path(), null));
    return fileView(channel, file);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public ServedFile download(UserProfile caller, String channelName, String subdir, String filename) {
    Channel channel = servedChannel(caller, channelName);
    PackageFile file = fileRow(channel, subdir, filename);
    downloads.count(file.id());
    return new ServedFile(ChannelFiles.file(channel.name(), file.subdir(), file.filename()), file.size(), file.sha256(), file.uploadedAt().toInstant());
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public ServedFile coreMetadata(UserProfile caller, String channelName, String project, String wheel) {
    Channel channel = pypiChannel(caller, channelName);
    PackageFile file = fileRow(channel, project, wheel);
    String sha256 = string(record(file), PackagePublisher.CORE_METADATA_SHA256);
    if (sha256 == null) {
      throw new PackageNotFoundException(wheel + " has no separate core metadata (an sdist, or a wheel uploaded before Tessera kept it); pip reads it from the file itself.");
    }
    Path path = ChannelFiles.coreMetadata(ChannelFiles.file(channel.name(), file.subdir(), file.filename()));
    try {
      return new ServedFile(path, Files.size(path), sha256, file.uploadedAt().toInstant());
    } catch (IOException e) {
      throw new PackageNotFoundException("The core metadata of " + wheel + " is missing on the data disk; upload the wheel again.");
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<DistributionFile> projectFiles(UserProfile caller, String channelName, String project) {
    Channel channel = pypiChannel(caller, channelName);
    String normalized = PythonDistributionMetadata.normalize(project);
    return rows.filesIn(channel.id(), normalized).stream()
        .sorted(Comparator.comparing(PackageFile::version, VersionOrder.INSTANCE).thenComparing(PackageFile::filename))
        .map(ChannelServiceBean::distributionFile)
        .toList();
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<String> projects(UserProfile caller, String channelName) {
    Channel channel = pypiChannel(caller, channelName);
    return rows.files(channel.id()).stream().map(PackageFile::subdir).collect(Collectors.toCollection(TreeSet::new)).stream().toList();
  }

  @Override
  public void reindex(UserProfile caller, String channelName) {
    Channel channel = writable(caller, channelName);
    if (channel.type() != ChannelType.CONDA) {
      return;
    }
    indexes.rebuild(channel.name(), rows.files(channel.id()));
  }

  private void removeFiles(UserProfile caller, Channel channel, List<PackageFile> files) {
    publisher.remove(channel, files);
    for (PackageFile file : files) {
      audit.record(AuditRecord.success(caller.username(), "channels.file-deleted", "channel:" + channel.name() + " " + file.path(), null));
    }
  }

  private List<PackageFile> filesOfPackage(Channel channel, String packageName) {
    List<PackageFile> files = rows.filesOf(channel.id(), packageName);
    if (files.isEmpty() && channel.type() == ChannelType.PYPI) {
      files = rows.filesIn(channel.id(), PythonDistributionMetadata.normalize(packageName));
    }
    if (files.isEmpty()) {
      throw new PackageNotFoundException("Channel " + channel.name() + " has no package " + packageName + "; list its packages to see the names.");
    }
    return files;
  }

  private PackageFile fileRow(Channel channel, String subdir, String filename) {
    return rows.file(channel.id(), subdir, filename)
        .orElseThrow(() -> new PackageNotFoundException("Channel " + channel.name() + " has no file " + subdir + "/" + filename + "."));
  }

  private static List<String> versions(List<PackageFile> files) {
    return files.stream().map(PackageFile::version).distinct().sorted(VersionOrder.INSTANCE.reversed()).toList();
  }

  private static List<String> platforms(Channel channel, List<PackageFile> files) {
    if (channel.type() == ChannelType.PYPI) {
      return files.stream().map(f -> f.filename().endsWith(".whl") ? wheelPlatform(f.filename()) : "source").distinct().sorted().toList();
    }
    return files.stream().map(PackageFile::subdir).distinct().sorted().toList();
  }

  private static String wheelPlatform(String filename) {
    String[] parts = filename.substring(0, filename.length() - 4).split("-");
    return parts[parts.length - 1];
  }

  private static String installCommand(Channel channel, String name, String baseUrl) {
    String base = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
    if (channel.type() == ChannelType.PYPI) {
      String index = channel.isPrivate() ? base.replaceFirst("://", "://USER:TOKEN@") : base;
      return "pip install --index-url " + index + "/repository/pypi/" + channel.name() + "/simple/ " + name;
    }
    String path = channel.isPrivate() ? "/repository/conda/t/TOKEN/" : "/repository/conda/";
    return "conda install -c " + base + path + channel.name() + " " + name;
  }

  private long downloadsOf(PackageFile file) {
    return file.downloads() + downloads.pending(file.id());
  }

  private Channel readableChannel(UserProfile caller, String name) {
    Channel channel = rows.byName(name == null ? "" : name.strip().toLowerCase(Locale.ROOT)).filter(c -> readable(caller, c))
        .orElseThrow(() -> new ChannelNotFoundException("There is no channel " + name + (caller == null ? " that anyone may read; sign in or send a token if it is private." : " you can read; list the channels to see yours.")));
    return channel;
  }

  /** A channel a package client may read, from the access cache: for reading only, never to change. */
  private Channel servedChannel(UserProfile caller, String name) {
    String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return accessCache.get(key, () -> rows.byName(key)).filter(c -> readable(caller, c))
        .orElseThrow(() -> new ChannelNotFoundException("There is no channel " + name + (caller == null ? " that anyone may read; sign in or send a token if it is private." : " you can read; list the channels to see yours.")));
  }

  /** A PyPI index a package client may read; a conda channel is not found under the PyPI paths. */
  private Channel pypiChannel(UserProfile caller, String name) {
    Channel channel = servedChannel(caller, name);
    if (channel.type() != ChannelType.PYPI) {
      throw new PackageNotFoundException("Channel " + channel.name() + " is a conda channel; read it at /repository/conda/" + channel.name() + ".");
    }
    return channel;
  }

  /** The file's Requires-Python from its index record, or null. */
  /** A string of the file's index record, or null when it has none. */
  /** A file as the simple index lists it; its record is parsed once (this runs for every file of every index request). */
  private static DistributionFile distributionFile(PackageFile f) {
    JsonObject record = record(f);
    return new DistributionFile(f.subdir(), f.filename(), f.version(), f.size(), f.sha256(), string(record, "requires_python"), f.yanked(),
        f.uploadedAt().toInstant(), string(record, PackagePublisher.CORE_METADATA_SHA256));
  }

  /** The file's index record; empty when it does not parse. */
  private static JsonObject record(PackageFile file) {
    try (JsonReader reader = Json.createReader(new StringReader(file.record()))) {
      return reader.readObject();
    } catch (JsonException e) {
      return JsonObject.EMPTY_JSON_OBJECT;
    }
  }

  /** A string of a record, or null when it has none (or not as a string). */
  private static String string(JsonObject record, String key) {
    return record.get(key) instanceof jakarta.json.JsonString value ? value.getString() : null;
  }

  private Channel writable(UserProfile caller, String name) {
    Channel channel = readableChannel(caller, name);
    if (caller == null || !channel.writableBy(caller.username(), caller.groups(), isAdmin(caller))) {
      throw new ChannelAccessDeniedException("You may read channel " + channel.name() + " but not change it; ask its owner " + channel.owner()
          + " to share it with you read-write.");
    }
    return channel;
  }

  private Channel managed(UserProfile caller, String name) {
    Channel channel = readableChannel(caller, name);
    if (!channel.managedBy(caller.username(), isAdmin(caller))) {
      throw new ChannelAccessDeniedException("Only channel " + channel.name() + "'s owner " + channel.owner() + " or an admin may delete it or change its sharing.");
    }
    return channel;
  }

  private static boolean readable(UserProfile caller, Channel channel) {
    return caller == null ? channel.readableBy(null, List.of(), false) : channel.readableBy(caller.username(), caller.groups(), isAdmin(caller));
  }

  private static boolean isAdmin(UserProfile caller) {
    return caller != null && caller.hasRole(Roles.ADMIN);
  }

  private static ChannelShare.Kind shareKind(String kind) {
    return switch (Objects.requireNonNullElse(kind, "").strip().toLowerCase(Locale.ROOT)) {
      case "user" -> ChannelShare.Kind.USER;
      case "group" -> ChannelShare.Kind.GROUP;
      default -> throw new InvalidChannelRequestException("kind", "Share with a user or a group.");
    };
  }

  private static String validFilename(String filename) {
    String name = filename == null ? "" : filename.strip();
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    if (name.isEmpty() || name.length() > MAX_FILENAME || name.startsWith(".") || name.chars().anyMatch(c -> c < 0x20)) {
      throw new InvalidChannelRequestException("file", "Send the package file with its name, like numpy-1.26.4-py311h64a7726_0.conda or requests-2.32.3-py3-none-any.whl.");
    }
    return name;
  }

  private ChannelView view(UserProfile caller, Channel channel) {
    String username = caller == null ? null : caller.username();
    List<String> groups = caller == null ? List.of() : caller.groups();
    List<ChannelView.ShareView> shares = channel.shares().stream()
        .map(s -> new ChannelView.ShareView(s.kind().name().toLowerCase(Locale.ROOT), s.name(), s.level().label())).toList();
    String path = channel.type() == ChannelType.CONDA ? "/repository/conda/" + channel.name() : "/repository/pypi/" + channel.name() + "/simple/";
    return new ChannelView(channel.name(), channel.type().pathSegment(), channel.owner(), channel.isPrivate(), channel.createdAt().toInstant(),
        channel.updatedAt().toInstant(), rows.fileCount(channel.id()), shares, channel.writableBy(username, groups, isAdmin(caller)),
        username != null && channel.managedBy(username, isAdmin(caller)), path);
  }

  private PackageFileView fileView(Channel channel, PackageFile file) {
    Instant uploaded = file.uploadedAt().toInstant();
    String path = channel.type() == ChannelType.CONDA ? "/repository/conda/" + channel.name() + "/" + file.path()
        : "/repository/pypi/" + channel.name() + "/files/" + file.path();
    return new PackageFileView(channel.name(), file.subdir(), file.filename(), file.packageName(), file.version(), file.build(), file.size(), file.sha256(),
        file.md5(), file.uploader(), uploaded, downloadsOf(file), file.yanked(), path);
  }
}
