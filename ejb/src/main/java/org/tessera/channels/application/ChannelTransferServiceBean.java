package org.tessera.channels.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.channels.domain.Channel;
import org.tessera.channels.domain.ChannelAccessDeniedException;
import org.tessera.channels.domain.ChannelArchiveRejectedException;
import org.tessera.channels.domain.ChannelManifest;
import org.tessera.channels.domain.ChannelNotFoundException;
import org.tessera.channels.domain.ChannelType;
import org.tessera.channels.domain.FileDigest;
import org.tessera.channels.domain.PackageFile;
import org.tessera.channels.domain.PackageMetadata;
import org.tessera.channels.domain.PackageRejectedException;
import org.tessera.channels.infrastructure.ChannelArchives;
import org.tessera.channels.infrastructure.ChannelFiles;
import org.tessera.channels.infrastructure.ChannelRows;
import org.tessera.channels.infrastructure.CondaArchives;
import org.tessera.channels.infrastructure.PythonDistributions;
import org.tessera.identity.application.PermissionService;
import org.tessera.identity.domain.Permission;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.UserProfile;

/**
 * Channel export and import. The archive is checked outside any transaction (it may be large);
 * publishing then happens in one transaction, so an import adds all its new files or none.
 */
@Stateless
@Local(ChannelTransferService.class)
@jakarta.ejb.LocalBean
@PermitAll
public class ChannelTransferServiceBean implements ChannelTransferService {

  @Inject ChannelRows rows;
  @Inject org.tessera.channels.infrastructure.MirrorRows mirrors;
  @Inject PackagePublisher publisher;
  @EJB PermissionService permissions;
  @EJB AuditService audit;
  @Resource SessionContext context;

  /** A checked file of an import, waiting to be published. */
  public record Checked(ChannelManifest.Entry entry, PackageMetadata metadata, Path staged, FileDigest digest) {}

  @Override
  public Export export(UserProfile caller, String channelName) {
    String name = channelName.strip().toLowerCase(java.util.Locale.ROOT);
    Channel channel = rows.byName(name).filter(c -> caller == null ? !c.isPrivate()
            : c.readableBy(caller.username(), caller.groups(), caller.hasRole(Roles.ADMIN)))
        .orElseThrow(() -> new ChannelNotFoundException("There is no channel " + channelName + " you can read; list the channels to see yours."));
    List<ChannelManifest.Entry> entries = new ArrayList<>();
    Map<String, Path> files = new LinkedHashMap<>();
    for (PackageFile f : rows.files(channel.id())) {
      ChannelManifest.Entry entry = new ChannelManifest.Entry(f.subdir(), f.filename(), f.size(), f.sha256(), f.md5(), f.record());
      entries.add(entry);
      files.put(entry.path(), ChannelFiles.file(channel.name(), f.subdir(), f.filename()));
    }
    entries.sort(java.util.Comparator.comparing(ChannelManifest.Entry::path));
    if (caller != null) {
      audit.record(AuditRecord.success(caller.username(), "channels.exported", "channel:" + channel.name() + " " + entries.size() + " files", null));
    }
    return new Export(new ChannelManifest(channel.name(), channel.type(), Instant.now(), List.copyOf(entries)), files);
  }

  @Override
  public Export exportMirror(UserProfile caller, String runId) {
    org.tessera.channels.domain.MirrorRun run = mirrors.byId(runId).filter(r -> caller.hasRole(Roles.ADMIN) || r.owner().equals(caller.username()))
        .orElseThrow(() -> new org.tessera.channels.domain.MirrorRunNotFoundException("There is no mirror run " + runId + " of yours; list the runs with GET /api/v1/mirrors."));
    Channel channel = rows.byName(run.destChannel())
        .orElseThrow(() -> new ChannelNotFoundException("Channel " + run.destChannel() + " of mirror run " + runId + " was deleted; mirror again to export."));
    List<ChannelManifest.Entry> entries = new ArrayList<>();
    Map<String, Path> files = new LinkedHashMap<>();
    for (String path : mirrors.selection(run.id())) {
      int slash = path.indexOf('/');
      rows.file(channel.id(), path.substring(0, slash), path.substring(slash + 1)).ifPresent(f -> {
        ChannelManifest.Entry entry = new ChannelManifest.Entry(f.subdir(), f.filename(), f.size(), f.sha256(), f.md5(), f.record());
        entries.add(entry);
        files.put(entry.path(), ChannelFiles.file(channel.name(), f.subdir(), f.filename()));
      });
    }
    audit.record(AuditRecord.success(caller.username(), "channels.exported", "channel:" + channel.name() + " mirror:" + run.id() + " " + entries.size() + " files", null));
    return new Export(new ChannelManifest(channel.name(), channel.type(), Instant.now(), List.copyOf(entries)), files);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ImportReport importArchive(UserProfile caller, java.io.InputStream body, String channelName) {
    permissions.check(caller, Permission.UPLOAD_PACKAGES);
    try {
      return importArchive(caller, receive(body), channelName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body in a staging file, never in memory, up to the import limit; the caller consumes the file. */
  private static Path receive(java.io.InputStream body) throws IOException {
    long max = ChannelArchives.maxImportBytes();
    Path file = Files.createTempFile(ChannelFiles.staging(), "import-", ".tar.part");
    try (java.io.InputStream in = body; java.io.OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[256 * 1024];
      long total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > max) {
          throw new ChannelArchiveRejectedException("The archive is larger than the import limit of " + (max >> 20) + " MiB; export fewer packages per archive, "
              + "or raise -Dtessera.channels.import-max-bytes.", true);
        }
        out.write(buffer, 0, n);
      }
      if (total == 0) {
        throw new ChannelArchiveRejectedException("The request has no body; send the archive that tessera channels export wrote as the body.");
      }
      return file;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ImportReport importArchive(UserProfile caller, Path received, String channelName) {
    Path staging = null;
    try {
      permissions.check(caller, Permission.UPLOAD_PACKAGES);
      staging = Files.createDirectories(ChannelFiles.staging().resolve("import-" + UUID.randomUUID()));
      ChannelManifest manifest = ChannelArchives.unpack(received, staging);
      Files.deleteIfExists(received);
      List<Checked> checked = new ArrayList<>();
      for (ChannelManifest.Entry entry : manifest.files()) {
        Path file = staging.resolve(entry.subdir()).resolve(entry.filename());
        PackageMetadata metadata;
        try {
          metadata = manifest.type() == ChannelType.CONDA ? CondaArchives.read(file, entry.filename()) : PythonDistributions.read(file, entry.filename());
        } catch (PackageRejectedException e) {
          throw ChannelManifest.refusal(entry.path() + " is not a valid package (" + e.getMessage() + ")");
        }
        if (!metadata.subdir().equals(entry.subdir())) {
          throw ChannelManifest.refusal(entry.path() + " says it belongs in " + metadata.subdir());
        }
        FileDigest digest = ChannelFiles.digest(file);
        if (!digest.md5().equals(entry.md5())) {
          throw ChannelManifest.refusal(entry.path() + " has another MD5 than the manifest says");
        }
        checked.add(new Checked(entry, metadata, file, digest));
      }
      String target = channelName == null || channelName.isBlank() ? manifest.channel() : Channel.validName(channelName);
      return context.getBusinessObject(ChannelTransferServiceBean.class).publish(caller, target, manifest.type(), checked);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        Files.deleteIfExists(received);
      } catch (IOException ignored) {
        // staging is on the data disk; a leftover there is harmless
      }
      if (staging != null) {
        ChannelFiles.deleteTree(staging);
      }
    }
  }

  /** Publishes checked files in one transaction; the channel is created when missing. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public ImportReport publish(UserProfile caller, String channelName, ChannelType type, List<Checked> files) {
    Optional<Channel> existing = rows.byName(channelName);
    boolean created = existing.isEmpty();
    Channel channel;
    if (existing.isPresent()) {
      channel = existing.get();
      if (channel.type() != type) {
        throw new ChannelArchiveRejectedException("Channel " + channel.name() + " is a " + channel.type().pathSegment() + " channel but the archive holds a "
            + type.pathSegment() + " channel; import it under another name (tessera channels import FILE --channel NAME).");
      }
      if (!channel.writableBy(caller.username(), caller.groups(), caller.hasRole(Roles.ADMIN))) {
        throw new ChannelAccessDeniedException("You may not add packages to channel " + channel.name() + "; ask its owner " + channel.owner()
            + " to share it with you read-write, or import under another name.");
      }
    } else {
      channel = new Channel(channelName, type, caller.username(), false, OffsetDateTime.now());
      rows.add(channel);
    }
    List<String> published = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Checked file : files) {
      if (rows.file(channel.id(), file.entry().subdir(), file.entry().filename()).isPresent()) {
        skipped.add(file.entry().path());
        continue;
      }
      try {
        publisher.publish(channel, file.metadata(), file.staged(), file.digest(), caller.username(), type == ChannelType.CONDA ? file.entry().record() : null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      published.add(file.entry().path());
    }
    audit.record(AuditRecord.success(caller.username(), "channels.imported", "channel:" + channel.name() + (created ? " created" : "") + " " + published.size()
        + " published, " + skipped.size() + " skipped", null));
    return new ImportReport(channel.name(), type.pathSegment(), created, published, skipped);
  }
}
