package org.tessera.projects.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.tessera.projects.domain.ProjectFiles;
import org.tessera.projects.domain.ProjectId;

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
        commitFiles(repository, files, new PersonIdent(authorName, authorEmail), message);
      }
    } catch (IOException | GitAPIException e) {
      delete(id);
      throw new IllegalStateException("Could not create the repository of project " + id + ": " + e.getMessage(), e);
    }
  }

  private static void commitFiles(Repository repository, Map<String, byte[]> files, PersonIdent author, String message) throws IOException {
    try (ObjectInserter inserter = repository.newObjectInserter()) {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      // The index must be sorted by path; TreeMap's order is git's for these names.
      for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
        DirCacheEntry entry = new DirCacheEntry(file.getKey());
        entry.setFileMode(FileMode.REGULAR_FILE);
        entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue()));
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
  public Optional<byte[]> read(ProjectId id, String path) {
    Optional<Repository> opened = open(id);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    try (Repository repository = opened.get(); RevWalk walk = new RevWalk(repository)) {
      ObjectId head = repository.resolve(Constants.R_HEADS + MAIN);
      if (head == null) {
        return Optional.empty();
      }
      RevCommit commit = walk.parseCommit(head);
      try (TreeWalk tree = TreeWalk.forPath(repository, path, commit.getTree())) {
        return tree == null ? Optional.empty() : Optional.of(repository.open(tree.getObjectId(0)).getBytes(ProjectSpecLimits.MAX_FILE_BYTES));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
