package org.tessera.channels.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tessera.channels.domain.CondaPackageMetadata;
import org.tessera.channels.domain.CondaSelection;
import org.tessera.channels.domain.FileDigest;
import org.tessera.channels.domain.MirrorConfig;
import org.tessera.channels.domain.MirrorConfigParser;
import org.tessera.channels.domain.MirrorKind;
import org.tessera.channels.domain.MirrorStatus;
import org.tessera.channels.domain.PypiSelection;
import org.tessera.channels.infrastructure.ChannelFiles;
import org.tessera.channels.infrastructure.Upstream;
import org.tessera.channels.infrastructure.UpstreamIndexes;

/**
 * Copies a mirror run's files in the background: reads the upstream indexes, selects with the
 * seed's filters, then per file downloads to staging, checks size and checksum against upstream's
 * record, and publishes through {@link MirrorSteps#publish} in a transaction of its own. A file
 * that did not download completely or does not match is never published. Network work happens
 * outside transactions. One worker per run at a time.
 */
@Stateless
@PermitAll
public class MirrorWorker {

  private static final Logger LOG = Logger.getLogger(MirrorWorker.class.getName());
  private static final Set<String> ACTIVE = ConcurrentHashMap.newKeySet();
  static final long MAX_INDEX_BYTES = 512L << 20;
  static final long MAX_FILE_BYTES = 8L << 30;

  @EJB MirrorSteps steps;

  private final Upstream upstream = new Upstream();

  /** One upstream file chosen for copying. */
  record Candidate(String name, String subdir, String filename, URI url, Long size, String sha256, String md5, String record) {
    String path() {
      return subdir + "/" + filename;
    }
  }

  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void run(String runId) {
    if (!ACTIVE.add(runId)) {
      return; // already being copied by another worker
    }
    try {
      Optional<MirrorSteps.Start> start = steps.begin(runId);
      if (start.isPresent()) {
        copy(start.get());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Mirror run " + runId + " failed unexpectedly", e);
      try {
        steps.finish(runId, MirrorStatus.FAILED, "Stopped by an unexpected error (" + describe(e) + "); see the server log, then start the mirror again.");
      } catch (RuntimeException ignored) {
        // The database is gone too; the run stays running and is resumed at the next start.
      }
    } finally {
      ACTIVE.remove(runId);
    }
  }

  private void copy(MirrorSteps.Start start) {
    MirrorKind kind = MirrorKind.parse(start.kind()).orElseThrow();
    MirrorConfig config = MirrorConfigParser.parse(kind, start.config());
    config.notes().forEach(note -> steps.log(start.id(), "Note: " + note));
    Plan plan = config instanceof MirrorConfig.Conda conda ? condaPlan(start.id(), conda) : pypiPlan(start.id(), (MirrorConfig.Pypi) config);
    steps.selected(start.id(), plan.candidates().size(), "Selected " + plan.candidates().size() + " file(s) to mirror" + (plan.excluded() > 0 ? "; " + plan.excluded()
        + " excluded by the filters" : "") + ".");
    int failures = plan.indexFailures();
    for (Candidate candidate : plan.candidates()) {
      if (steps.cancelRequested(start.id())) {
        steps.finish(start.id(), MirrorStatus.CANCELLED, "Cancelled; files published so far stay in channel " + start.destChannel() + ".");
        return;
      }
      if (!copyOne(start, candidate)) {
        failures++;
      }
    }
    if (start.clean() && config instanceof MirrorConfig.Conda conda) {
      if (plan.indexFailures() > 0) {
        steps.log(start.id(), "Clean skipped: not every upstream index could be read, so what upstream removed is not known.");
      } else {
        clean(start, conda, plan);
      }
    }
    if (failures > 0) {
      steps.finish(start.id(), MirrorStatus.FAILED, failures + " file(s) or index(es) could not be mirrored (see the results and the log); start the mirror again "
          + "to retry them, files already published are skipped.");
    } else {
      steps.finish(start.id(), MirrorStatus.SUCCEEDED, "Channel " + start.destChannel() + " holds every selected file.");
    }
  }

  /** Downloads, verifies and publishes one file; false when it failed. */
  private boolean copyOne(MirrorSteps.Start start, Candidate c) {
    try {
      if (steps.exists(start.destChannel(), c.subdir(), c.filename())) {
        steps.skipped(start.id(), c.name(), c.path(), "already in channel " + start.destChannel());
        return true;
      }
    } catch (RuntimeException e) {
      steps.failed(start.id(), c.name(), c.path(), describe(e));
      return false;
    }
    Path staged = null;
    try {
      staged = ChannelFiles.staging().resolve("mirror-" + start.id() + "-" + UUID.randomUUID() + ".part");
      Upstream.Download download = upstream.download(c.url(), staged, MAX_FILE_BYTES);
      Optional<String> mismatch = mismatch(c, download);
      if (mismatch.isPresent()) {
        steps.failed(start.id(), c.name(), c.path(), mismatch.get() + "; not published");
        return false;
      }
      steps.publish(start.id(), start.destChannel(), start.owner(), c.subdir(), c.filename(), staged, new FileDigest(download.size(), download.sha256(), download.md5()),
          c.record());
      return true;
    } catch (IOException | RuntimeException e) {
      steps.failed(start.id(), c.name(), c.path(), describe(e) + "; not published");
      return false;
    } finally {
      if (staged != null) {
        try {
          Files.deleteIfExists(staged);
        } catch (IOException ignored) {
          // Left in channel-staging; removed at the next start.
        }
      }
    }
  }

  /** Size and SHA-256 (MD5 where upstream gives no SHA-256) against upstream's record. */
  static Optional<String> mismatch(Candidate c, Upstream.Download d) {
    if (c.size() != null && c.size() != d.size()) {
      return Optional.of("downloaded " + d.size() + " bytes, upstream says " + c.size() + " (the download was cut short or the file changed)");
    }
    if (c.sha256() != null) {
      return c.sha256().equalsIgnoreCase(d.sha256()) ? Optional.empty() : Optional.of("SHA-256 " + d.sha256() + " differs from upstream's " + c.sha256());
    }
    if (c.md5() != null) {
      return c.md5().equalsIgnoreCase(d.md5()) ? Optional.empty() : Optional.of("MD5 " + d.md5() + " differs from upstream's " + c.md5());
    }
    return Optional.empty();
  }

  record Plan(List<Candidate> candidates, int excluded, int indexFailures, Map<String, Set<String>> upstreamFiles) {}

  private Plan condaPlan(String runId, MirrorConfig.Conda config) {
    CondaSelection selection = new CondaSelection(config);
    Map<String, Candidate> chosen = new LinkedHashMap<>();
    Map<String, Set<String>> upstreamFiles = new LinkedHashMap<>();
    int excluded = 0;
    int failures = 0;
    List<String> subdirs = config.platforms().isEmpty() ? new ArrayList<>(new TreeSet<>(CondaPackageMetadata.SUBDIRS)) : config.platforms();
    for (String channel : config.channels()) {
      URI base = Upstream.base(channel);
      int found = 0;
      for (String subdir : subdirs) {
        if (!selection.platform(subdir)) {
          continue;
        }
        URI index = base.resolve(subdir + "/repodata.json");
        Map<String, JsonObject> records;
        try {
          records = UpstreamIndexes.repodata(upstream.get(index, "application/json", MAX_INDEX_BYTES).body(), index);
        } catch (FileNotFoundException e) {
          if (!config.platforms().isEmpty()) {
            steps.log(runId, "Channel " + base + " has no " + subdir + "/repodata.json; nothing mirrored for " + subdir + ".");
          }
          continue;
        } catch (IOException | RuntimeException e) {
          failures++;
          steps.log(runId, "FAILED to read " + index + ": " + describe(e));
          continue;
        }
        found++;
        Set<String> files = upstreamFiles.computeIfAbsent(subdir, s -> new HashSet<>());
        for (Map.Entry<String, JsonObject> entry : records.entrySet()) {
          String filename = entry.getKey();
          JsonObject record = entry.getValue();
          files.add(filename);
          if (!safeFilename(filename)) {
            steps.log(runId, "Ignored '" + filename + "' in " + index + ": not a conda package file name.");
            continue;
          }
          Optional<String> why = selection.exclusion(record);
          if (why.isPresent()) {
            excluded++;
            continue;
          }
          chosen.putIfAbsent(subdir + "/" + filename, new Candidate(text(record, "name"), subdir, filename, base.resolve(subdir + "/" + filename),
              record.get("size") instanceof JsonNumber n ? n.longValue() : null, emptyToNull(text(record, "sha256")), emptyToNull(text(record, "md5")), json(record)));
        }
      }
      steps.log(runId, "Read " + found + " platform index(es) of " + base + ".");
    }
    return new Plan(List.copyOf(chosen.values()), excluded, failures, upstreamFiles);
  }

  private Plan pypiPlan(String runId, MirrorConfig.Pypi config) {
    PypiSelection selection = new PypiSelection(config);
    URI index = URI.create(config.indexUrl());
    List<String> projects;
    int failures = 0;
    if (config.projects().isEmpty()) {
      try {
        projects = selection.projects(UpstreamIndexes.projects(upstream.get(index, UpstreamIndexes.ACCEPT_SIMPLE, MAX_INDEX_BYTES)));
        steps.log(runId, "The index " + index + " lists " + projects.size() + " project(s) to mirror (no pkg_list or whitelist: a full mirror).");
      } catch (IOException | RuntimeException e) {
        steps.log(runId, "FAILED to read " + index + ": " + describe(e));
        return new Plan(List.of(), 0, 1, Map.of());
      }
    } else {
      projects = selection.projects(List.of());
    }
    List<Candidate> candidates = new ArrayList<>();
    int excluded = 0;
    for (String project : projects) {
      URI page = index.resolve(project + "/");
      List<PypiSelection.Link> links;
      try {
        links = UpstreamIndexes.projectPage(upstream.get(page, UpstreamIndexes.ACCEPT_SIMPLE, MAX_INDEX_BYTES));
      } catch (FileNotFoundException e) {
        failures++;
        steps.failed(runId, project, project + "/", "the index has no project " + project + " (" + page + ")");
        continue;
      } catch (IOException | RuntimeException e) {
        failures++;
        steps.failed(runId, project, project + "/", "could not read " + page + ": " + describe(e));
        continue;
      }
      List<PypiSelection.Link> files = selection.files(links);
      excluded += links.size() - files.size();
      for (PypiSelection.Link link : files) {
        if (!safeFilename(link.filename())) {
          continue;
        }
        if (link.sha256() == null) {
          steps.log(runId, "Warning: the index gives no sha256 for " + link.filename() + "; only the archive check protects it.");
        }
        candidates.add(new Candidate(project, project, link.filename(), URI.create(link.url()), null, link.sha256(), null, null));
      }
    }
    return new Plan(candidates, excluded, failures, Map.of());
  }

  /** {@code -c}: files of the scanned platforms that no upstream channel lists any more, except blacklisted ones. */
  private void clean(MirrorSteps.Start start, MirrorConfig.Conda config, Plan plan) {
    CondaSelection selection = new CondaSelection(config);
    int kept = 0;
    for (MirrorSteps.Local local : steps.localFiles(start.destChannel())) {
      Set<String> upstreamFiles = plan.upstreamFiles().get(local.subdir());
      if (upstreamFiles == null || upstreamFiles.contains(local.filename())) {
        continue;
      }
      JsonObject record = parse(local.record());
      if (selection.blacklisted(record)) {
        kept++;
        continue;
      }
      if (steps.cancelRequested(start.id())) {
        return;
      }
      try {
        steps.remove(start.id(), start.destChannel(), text(record, "name"), local.subdir(), local.filename());
      } catch (RuntimeException e) {
        steps.failed(start.id(), text(record, "name"), local.subdir() + "/" + local.filename(), "could not remove it: " + describe(e));
      }
    }
    if (kept > 0) {
      steps.log(start.id(), "Clean kept " + kept + " blacklisted file(s) that upstream no longer lists.");
    }
  }

  private static boolean safeFilename(String filename) {
    return filename.matches("[A-Za-z0-9][A-Za-z0-9._+!-]*") && !filename.contains("..") && filename.length() <= 255;
  }

  private static String text(JsonObject record, String key) {
    return record.get(key) instanceof JsonString s ? s.getString() : "";
  }

  private static String emptyToNull(String value) {
    return value.isEmpty() ? null : value;
  }

  private static String json(JsonObject record) {
    StringWriter out = new StringWriter();
    try (var writer = jakarta.json.Json.createWriter(out)) {
      writer.writeObject(record);
    }
    return out.toString();
  }

  private static JsonObject parse(String json) {
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
      return reader.readObject();
    }
  }

  static String describe(Throwable e) {
    Throwable cause = e;
    while ((cause instanceof EJBException || cause instanceof java.io.UncheckedIOException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
