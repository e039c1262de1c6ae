package org.tessera.projects.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.tessera.projects.domain.ArchiveFormat;
import org.tessera.projects.domain.ArchiveRejectedException;
import org.tessera.projects.domain.InvalidRevisionException;
import org.tessera.projects.domain.ProjectCommit;
import org.tessera.projects.domain.ProjectFileEntry;
import org.tessera.projects.domain.ProjectFiles;
import org.tessera.projects.domain.ProjectId;
import org.tessera.projects.domain.ProjectNotFoundException;
import org.tessera.projects.domain.ProjectTag;
import org.tessera.projects.domain.TagExistsException;

/**
 * Bare JGit repositories under {@code <data dir>/git/<project id>.git}. The data directory is the
 * launcher's {@code tessera.home}/data, or WildFly's data directory when run without the launcher.
 * Each method opens and closes the repositories it uses.
 */
@ApplicationScoped
public class JGitProjectFiles implements ProjectFiles {

  public static final String MAIN = "main";

  /** Where the repositories live; also used by the git endpoint. */
  public static Path root() {
    String home = System.getProperty("tessera.home");
    if (home != null && !home.isBlank()) {
      return Path.of(home, "data", "git");
    }
    String data = System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
    return Path.of(data, "tessera", "git");
  }

  public static Path directoryOf(ProjectId id) {
    return root().resolve(id.value() + ".git");
  }

  /**
   * Opens a project's repository; the caller closes it. Empty when it does not exist.
   */
  public static Optional<Repository> open(ProjectId id) {
    Path dir = directoryOf(id);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void create(ProjectId id, Map<String, byte[]> files, String authorName, String authorEmail, String message) {
    Map<String, Blob> blobs = new TreeMap<>();
    files.forEach((path, content) -> blobs.put(path, inserter -> inserter.insert(Constants.OBJ_BLOB, content)));
    createWith(id, blobs, Map.of(), new PersonIdent(authorName, authorEmail), message);
  }

  @Override
  public void createFrom(ProjectId id, Path directory, long maxFileBytes, String authorName, String authorEmail, String message) {
    Map<String, Blob> blobs = new TreeMap<>();
    Map<String, FileMode> modes = new HashMap<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) walk::iterator) {
        String path = directory.relativize(file).toString().replace('\\', '/');
        if (Files.isSymbolicLink(file)) {
          byte[] target = Files.readSymbolicLink(file).toString().getBytes(StandardCharsets.UTF_8);
          blobs.put(path, inserter -> inserter.insert(Constants.OBJ_BLOB, target));
          modes.put(path, FileMode.SYMLINK);
        } else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          long size = Files.size(file);
          if (size > maxFileBytes) {
            throw new ArchiveRejectedException(path + " is " + FileSizeLimitHook.megabytes(size) + " MB, larger than the " + FileSizeLimitHook.megabytes(maxFileBytes)
                + " MB file size limit; remove it from the archive and upload again.");
          }
          blobs.put(path, inserter -> {
            try (InputStream in = Files.newInputStream(file)) {
              return inserter.insert(Constants.OBJ_BLOB, size, in);
            }
          });
          if (Files.isExecutable(file)) {
            modes.put(path, FileMode.EXECUTABLE_FILE);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    createWith(id, blobs, modes, new PersonIdent(authorName, authorEmail), message);
  }


  /** Writes one blob into the repository. */
  private interface Blob {
    ObjectId insert(ObjectInserter inserter) throws IOException;
  }

  private void createWith(ProjectId id, Map<String, Blob> files, Map<String, FileMode> modes, PersonIdent author, String message) {
    Path dir = directoryOf(id);
    if (Files.exists(dir)) {
      throw new IllegalStateException("A repository for project " + id + " exists already at " + dir);
    }
    try {
      Files.createDirectories(dir.getParent());
      try (Git git = Git.init().setBare(true).setInitialBranch(MAIN).setDirectory(dir.toFile()).call()) {
        Repository repository = git.getRepository();
        StoredConfig config = repository.getConfig();
        // History on the default branch is kept: no force pushes, no branch deletion by push.
        config.setBoolean("receive", null, "denyNonFastForwards", true);
        config.setBoolean("receive", null, "denyDeletes", true);
        config.save();
        commitFiles(repository, files, modes, author, message);
      }
    } catch (IOException | GitAPIException | RuntimeException e) {
      delete(id);
      if (e instanceof RuntimeException runtime && runtime instanceof org.tessera.shared.domain.DomainException) {
        throw runtime;
      }
      throw new IllegalStateException("Could not create the repository of project " + id + ": " + e.getMessage(), e);
    }
  }

  private static void commitFiles(Repository repository, Map<String, Blob> files, Map<String, FileMode> modes, PersonIdent author, String message) throws IOException {
    try (ObjectInserter inserter = repository.newObjectInserter()) {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      // The index must be sorted by path; TreeMap's order is git's for these names.
      for (Map.Entry<String, Blob> file : new TreeMap<>(files).entrySet()) {
        DirCacheEntry entry = new DirCacheEntry(file.getKey());
        entry.setFileMode(modes.getOrDefault(file.getKey(), FileMode.REGULAR_FILE));
        entry.setObjectId(file.getValue().insert(inserter));
        builder.add(entry);
      }
      builder.finish();
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(index.writeTree(inserter));
      commit.setAuthor(author);
      commit.setCommitter(author);
      commit.setMessage(message);
      ObjectId commitId = inserter.insert(commit);
      inserter.flush();
      RefUpdate update = repository.updateRef(Constants.R_HEADS + MAIN);
      update.setNewObjectId(commitId);
      update.setExpectedOldObjectId(ObjectId.zeroId());
      RefUpdate.Result result = update.update();
      if (result != RefUpdate.Result.NEW) {
        throw new IOException("branch main could not be created: " + result);
      }
    }
  }

  @Override
  public Optional<byte[]> read(ProjectId id, String revision, String path) {
    try (Repository repository = existing(id); RevWalk walk = new RevWalk(repository)) {
      ObjectId commitId = repository.resolve(revisionOrMain(revision) + "^{commit}");
      if (commitId == null) {
        return Optional.empty();
      }
      RevCommit commit = walk.parseCommit(commitId);
      try (TreeWalk tree = TreeWalk.forPath(repository, path, commit.getTree())) {
        if (tree == null || tree.getFileMode(0).getObjectType() != Constants.OBJ_BLOB) {
          return Optional.empty();
        }
        return Optional.of(repository.open(tree.getObjectId(0)).getBytes(ProjectSpecLimits.MAX_FILE_BYTES));
      }
    } catch (org.eclipse.jgit.errors.LargeObjectException e) {
      throw new InvalidRevisionException(path + " is larger than " + ProjectSpecLimits.MAX_FILE_BYTES / 1_000_000 + " MB; clone the project or download an archive to get it.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<ProjectCommit> history(ProjectId id, String revision, int skip, int limit) {
    try (Repository repository = existing(id); RevWalk walk = new RevWalk(repository)) {
      walk.markStart(walk.parseCommit(commitOf(repository, revision)));
      Map<ObjectId, List<String>> tags = tagsByCommit(repository, walk);
      List<ProjectCommit> commits = new ArrayList<>();
      int index = 0;
      for (RevCommit commit : walk) {
        if (index++ < skip) {
          continue;
        }
        if (commits.size() == limit) {
          break;
        }
        PersonIdent author = commit.getAuthorIdent();
        commits.add(new ProjectCommit(
            commit.name(),
            author.getName(),
            author.getEmailAddress(),
            author.getWhenAsInstant(),
            commit.getFullMessage().strip(),
            Stream.of(commit.getParents()).map(RevCommit::name).toList(),
            tags.getOrDefault(commit.getId(), List.of())));
      }
      return commits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<ObjectId, List<String>> tagsByCommit(Repository repository, RevWalk walk) throws IOException {
    Map<ObjectId, List<String>> tags = new HashMap<>();
    for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
      RevObject target = walk.peel(walk.parseAny(ref.getObjectId()));
      tags.computeIfAbsent(target.getId(), k -> new ArrayList<>()).add(ref.getName().substring(Constants.R_TAGS.length()));
    }
    return tags;
  }

  @Override
  public List<ProjectFileEntry> files(ProjectId id, String revision) {
    try (Repository repository = existing(id); RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
      tree.addTree(walk.parseCommit(commitOf(repository, revision)).getTree());
      tree.setRecursive(true);
      List<ProjectFileEntry> files = new ArrayList<>();
      while (tree.next()) {
        FileMode mode = tree.getFileMode(0);
        if (mode.getObjectType() == Constants.OBJ_BLOB) {
          long size = tree.getObjectReader().getObjectSize(tree.getObjectId(0), Constants.OBJ_BLOB);
          files.add(new ProjectFileEntry(tree.getPathString(), size, mode == FileMode.SYMLINK));
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String diff(ProjectId id, String commit) {
    try (Repository repository = existing(id); RevWalk walk = new RevWalk(repository)) {
      RevCommit revCommit = walk.parseCommit(commitOf(repository, commit));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (DiffFormatter formatter = new DiffFormatter(out)) {
        formatter.setRepository(repository);
        RevCommit parent = revCommit.getParentCount() == 0 ? null : walk.parseCommit(revCommit.getParent(0));
        formatter.format(parent == null ? null : parent.getTree(), revCommit.getTree());
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<ProjectTag> tags(ProjectId id) {
    try (Repository repository = existing(id); RevWalk walk = new RevWalk(repository)) {
      List<ProjectTag> tags = new ArrayList<>();
      for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
        tags.add(toTag(walk, ref.getName().substring(Constants.R_TAGS.length()), walk.parseAny(ref.getObjectId())));
      }
      tags.sort((a, b) -> compareNewestFirst(a, b));
      return tags;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int compareNewestFirst(ProjectTag a, ProjectTag b) {
    if (a.time() == null || b.time() == null) {
      return a.time() == null ? (b.time() == null ? a.name().compareTo(b.name()) : 1) : -1;
    }
    return b.time().compareTo(a.time());
  }

  private static ProjectTag toTag(RevWalk walk, String name, RevObject object) throws IOException {
    if (object instanceof RevTag annotated) {
      walk.parseBody(annotated);
      RevObject target = walk.peel(annotated);
      PersonIdent tagger = annotated.getTaggerIdent();
      return new ProjectTag(name, target.name(), annotated.getFullMessage().strip(), tagger == null ? null : tagger.getName(), tagger == null ? null : tagger.getWhenAsInstant());
    }
    return new ProjectTag(name, walk.peel(object).name(), null, null, null);
  }

  @Override
  public ProjectTag tag(ProjectId id, String name, String revision, String message, String taggerName, String taggerEmail) {
    String tagName = name == null ? "" : name.strip();
    if (tagName.isEmpty() || !Repository.isValidRefName(Constants.R_TAGS + tagName) || tagName.length() > 100) {
      throw new InvalidRevisionException("'" + name + "' cannot name a version; use letters, digits, '.', '-' and '_', like v1.0 (at most 100 characters).");
    }
    try (Repository repository = existing(id); RevWalk walk = new RevWalk(repository); Git git = Git.wrap(repository)) {
      if (repository.exactRef(Constants.R_TAGS + tagName) != null) {
        throw new TagExistsException(tagName);
      }
      RevCommit commit = walk.parseCommit(commitOf(repository, revision));
      Ref ref = git.tag()
          .setObjectId(commit)
          .setName(tagName)
          .setAnnotated(true)
          .setMessage(message == null || message.isBlank() ? "Version " + tagName : message.strip())
          .setTagger(new PersonIdent(taggerName, taggerEmail))
          .call();
      return toTag(walk, tagName, walk.parseAny(ref.getObjectId()));
    } catch (org.eclipse.jgit.api.errors.RefAlreadyExistsException e) {
      throw new TagExistsException(tagName);
    } catch (IOException | GitAPIException e) {
      throw new IllegalStateException("Could not tag " + id + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void archive(ProjectId id, String revision, ArchiveFormat format, String prefix, OutputStream out) {
    try (Repository repository = existing(id); RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
      RevCommit commit = walk.parseCommit(commitOf(repository, revision));
      tree.addTree(commit.getTree());
      tree.setRecursive(true);
      long time = commit.getCommitterIdent().getWhenAsInstant().toEpochMilli();
      try (ArchiveOutputStream<?> archive = open(format, out)) {
        while (tree.next()) {
          FileMode mode = tree.getFileMode(0);
          if (mode.getObjectType() != Constants.OBJ_BLOB) {
            continue; // submodules have no content here
          }
          ObjectLoader loader = repository.open(tree.getObjectId(0));
          String name = prefix + "/" + tree.getPathString();
          if (format == ArchiveFormat.ZIP) {
            ZipArchiveEntry entry = new ZipArchiveEntry(name);
            entry.setTime(time);
            entry.setUnixMode(mode == FileMode.EXECUTABLE_FILE ? 0100755 : mode == FileMode.SYMLINK ? 0120777 : 0100644);
            ((ZipArchiveOutputStream) archive).putArchiveEntry(entry);
          } else {
            TarArchiveEntry entry;
            if (mode == FileMode.SYMLINK) {
              entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
              entry.setLinkName(new String(loader.getBytes(), StandardCharsets.UTF_8));
            } else {
              entry = new TarArchiveEntry(name);
              entry.setSize(loader.getSize());
              entry.setMode(mode == FileMode.EXECUTABLE_FILE ? 0100755 : 0100644);
            }
            entry.setModTime(time);
            ((TarArchiveOutputStream) archive).putArchiveEntry(entry);
          }
          if (format == ArchiveFormat.ZIP || mode != FileMode.SYMLINK) {
            loader.copyTo(archive);
          }
          closeEntry(archive);
        }
        archive.finish();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static ArchiveOutputStream<?> open(ArchiveFormat format, OutputStream out) throws IOException {
    if (format == ArchiveFormat.ZIP) {
      return new ZipArchiveOutputStream(out);
    }
    TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out));
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    return tar;
  }

  private static void closeEntry(ArchiveOutputStream<?> archive) throws IOException {
    archive.closeArchiveEntry();
  }

  @Override
  public String resolve(ProjectId id, String revision) {
    try (Repository repository = existing(id)) {
      return commitOf(repository, revision).name();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String revisionOrMain(String revision) {
    return revision == null || revision.isBlank() ? Constants.R_HEADS + MAIN : revision.strip();
  }

  private static ObjectId commitOf(Repository repository, String revision) throws IOException {
    String wanted = revisionOrMain(revision);
    ObjectId id;
    try {
      id = repository.resolve(wanted + "^{commit}");
    } catch (org.eclipse.jgit.errors.RevisionSyntaxException | org.eclipse.jgit.errors.AmbiguousObjectException e) {
      id = null;
    }
    if (id == null) {
      throw new InvalidRevisionException("The project has no version, branch or commit '" + revision + "'; list versions with GET .../tags and commits with GET .../commits.");
    }
    return id;
  }

  private static Repository existing(ProjectId id) {
    return open(id).orElseThrow(() -> new ProjectNotFoundException(id.value()));
  }

  @Override
  public void delete(ProjectId id) {
    ArchiveExtractor.deleteRecursively(directoryOf(id));
  }

  /** Bounds on what is read into memory from a repository. */
  static final class ProjectSpecLimits {
    static final int MAX_FILE_BYTES = 1_000_000;

    private ProjectSpecLimits() {}
  }
}
