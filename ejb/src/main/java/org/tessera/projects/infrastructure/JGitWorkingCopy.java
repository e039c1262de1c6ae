package org.tessera.projects.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;
import org.tessera.projects.domain.ConflictResolution;
import org.tessera.projects.domain.SyncReport;

/**
 * A checkout of a project in which a session edits files, synchronised with the project's
 * repository the way the seed's editor does it: HEAD is always the server commit the files were
 * last synchronised with, local edits are never committed locally, and every commit is a full sync
 * (the server's other changes are pulled in, then the selected files are committed and pushed).
 * Files changed on both sides are conflicts, resolved by the user's {@link ConflictResolution} on
 * fetch, and by proceeding (overwrite) or leaving them out on commit.
 */
public final class JGitWorkingCopy implements AutoCloseable {

  private static final String REMOTE_MAIN = Constants.R_REMOTES + "origin/" + JGitProjectFiles.MAIN;

  private final Git git;
  private final Path dir;

  private JGitWorkingCopy(Git git) {
    this.git = git;
    this.dir = git.getRepository().getWorkTree().toPath();
  }

  /** Clones the project's {@code main} into {@code dir}, which must not exist or be empty. */
  public static JGitWorkingCopy checkout(String originUri, Path dir) {
    try {
      return new JGitWorkingCopy(Git.cloneRepository().setURI(originUri).setDirectory(dir.toFile()).setBranch(JGitProjectFiles.MAIN).call());
    } catch (GitAPIException e) {
      throw new IllegalStateException("Could not check out " + originUri + " into " + dir + ": " + e.getMessage(), e);
    }
  }

  public static JGitWorkingCopy open(Path dir) {
    try {
      return new JGitWorkingCopy(Git.open(dir.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path directory() {
    return dir;
  }

  /** Files edited, added or deleted here since the last sync, by path. */
  public Set<String> localChanges() {
    try {
      Status status = git.status().call();
      Set<String> changed = new TreeSet<>();
      changed.addAll(status.getAdded());
      changed.addAll(status.getChanged());
      changed.addAll(status.getModified());
      changed.addAll(status.getMissing());
      changed.addAll(status.getRemoved());
      changed.addAll(status.getUntracked());
      return changed;
    } catch (GitAPIException e) {
      throw new IllegalStateException("Could not read the status of " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Pulls the server's changes. Without a resolution, conflicts stop it before anything changes
   * and are reported; with one, they are resolved as the seed describes.
   */
  public SyncReport fetch(ConflictResolution resolution) {
    Plan plan = plan();
    if (!plan.conflicts.isEmpty() && resolution == null) {
      return new SyncReport(List.copyOf(plan.conflicts), false, List.of(), List.of(), plan.base.name(), null);
    }
    Applied applied = apply(plan, resolution == null ? ConflictResolution.MINE : resolution);
    return new SyncReport(List.copyOf(plan.conflicts), true, applied.updated, applied.keptBoth, plan.remote.name(), null);
  }

  /**
   * Commits the selected files (all local changes when {@code paths} is null) after pulling the
   * server's other changes. Conflicting selected files stop it unless {@code proceed}, which
   * overwrites the server's version; unselected files stay local and uncommitted.
   */
  public SyncReport commit(String message, Collection<String> paths, boolean proceed, PersonIdent author) {
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("A commit needs a message.");
    }
    for (int attempt = 0; ; attempt++) {
      Plan plan = plan();
      Set<String> local = localChanges();
      Set<String> selected = new TreeSet<>(paths == null ? local : paths);
      selected.retainAll(local);
      List<String> blocking = plan.conflicts.stream().filter(selected::contains).toList();
      if (!blocking.isEmpty() && !proceed) {
        return new SyncReport(blocking, false, List.of(), List.of(), plan.base.name(), null);
      }
      Applied applied = apply(plan, ConflictResolution.MINE);
      if (selected.isEmpty()) {
        return new SyncReport(List.of(), true, applied.updated, List.of(), plan.remote.name(), null);
      }
      try {
        for (String path : selected) {
          if (Files.exists(dir.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
            git.add().addFilepattern(path).call();
          } else {
            git.rm().setCached(true).addFilepattern(path).call();
          }
        }
        RevCommit commit = git.commit().setAuthor(author).setCommitter(author).setMessage(message.strip()).call();
        if (pushed(git.push().setRemote("origin").add(JGitProjectFiles.MAIN).call())) {
          git.fetch().setRemote("origin").call();
          return new SyncReport(List.of(), true, applied.updated, List.of(), commit.name(), commit.name());
        }
        // Someone pushed between our fetch and our push: undo the local commit, keep the edits, sync again.
        git.reset().setMode(ResetCommand.ResetType.MIXED).setRef(plan.remote.name()).call();
        if (attempt == 2) {
          throw new IllegalStateException("The project changed on the server during three attempts to commit; try again.");
        }
      } catch (GitAPIException e) {
        throw new IllegalStateException("Could not commit in " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  private static boolean pushed(Iterable<PushResult> results) {
    for (PushResult result : results) {
      for (RemoteRefUpdate update : result.getRemoteUpdates()) {
        if (update.getStatus() != RemoteRefUpdate.Status.OK && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
          return false;
        }
      }
    }
    return true;
  }

  /** The server's changes since the last sync and which of them conflict with local edits. */
  private record Plan(ObjectId base, ObjectId remote, Set<String> remoteChanged, Set<String> conflicts) {}

  private record Applied(List<String> updated, List<String> keptBoth) {}

  private Plan plan() {
    try {
      git.fetch().setRemote("origin").call();
      Repository repository = git.getRepository();
      ObjectId base = repository.resolve(Constants.HEAD);
      ObjectId remote = repository.resolve(REMOTE_MAIN);
      Set<String> remoteChanged = new TreeSet<>();
      if (!base.equals(remote)) {
        try (RevWalk walk = new RevWalk(repository); DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
          diff.setRepository(repository);
          for (DiffEntry entry : diff.scan(walk.parseCommit(base).getTree(), walk.parseCommit(remote).getTree())) {
            if (!entry.getOldPath().equals(DiffEntry.DEV_NULL)) {
              remoteChanged.add(entry.getOldPath());
            }
            if (!entry.getNewPath().equals(DiffEntry.DEV_NULL)) {
              remoteChanged.add(entry.getNewPath());
            }
          }
        }
      }
      Set<String> conflicts = new TreeSet<>();
      Set<String> local = localChanges();
      for (String path : remoteChanged) {
        if (local.contains(path) && !Arrays.equals(readLocal(path), readCommitted(remote, path))) {
          conflicts.add(path);
        }
      }
      return new Plan(base, remote, remoteChanged, conflicts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException("Could not fetch into " + dir + ": " + e.getMessage(), e);
    }
  }

  private Applied apply(Plan plan, ConflictResolution resolution) {
    List<String> updated = new ArrayList<>();
    List<String> keptBoth = new ArrayList<>();
    Set<String> local = localChanges();
    try {
      for (String path : plan.remoteChanged) {
        byte[] theirs = readCommitted(plan.remote, path);
        if (plan.conflicts.contains(path)) {
          if (resolution == ConflictResolution.THEIRS) {
            write(path, theirs);
            updated.add(path);
          } else if (resolution == ConflictResolution.BOTH && theirs != null) {
            String copy = path + " (" + lastAuthor(plan, path) + "'s conflicted file)";
            write(copy, theirs);
            keptBoth.add(copy);
          }
        } else if (!local.contains(path)) {
          write(path, theirs);
          updated.add(path);
        }
      }
      git.reset().setMode(ResetCommand.ResetType.MIXED).setRef(plan.remote.name()).call();
      return new Applied(updated, keptBoth);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException("Could not update " + dir + ": " + e.getMessage(), e);
    }
  }

  private String lastAuthor(Plan plan, String path) throws IOException, GitAPIException {
    for (RevCommit commit : git.log().addRange(plan.base, plan.remote).addPath(path).setMaxCount(1).call()) {
      return commit.getAuthorIdent().getName();
    }
    return "server";
  }

  /** Writes (or, for null, deletes) a file of the working copy; the path comes from git, never from a user. */
  private void write(String path, byte[] content) throws IOException {
    Path file = dir.resolve(path);
    if (content == null) {
      Files.deleteIfExists(file);
      return;
    }
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }

  private byte[] readLocal(String path) throws IOException {
    Path file = dir.resolve(path);
    return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(file) : null;
  }

  private byte[] readCommitted(ObjectId commit, String path) throws IOException {
    Repository repository = git.getRepository();
    try (RevWalk walk = new RevWalk(repository); TreeWalk tree = TreeWalk.forPath(repository, path, walk.parseCommit(commit).getTree())) {
      return tree == null ? null : repository.open(tree.getObjectId(0)).getBytes();
    }
  }

  @Override
  public void close() {
    git.close();
  }
}
