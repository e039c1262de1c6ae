package org.tessera.projects.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.projects.domain.ConflictResolution;
import org.tessera.projects.domain.SyncReport;

/** The seed's collaboration scenarios (S15 to S17) with two working copies of one real repository. */
class JGitWorkingCopyTest {

  private static final PersonIdent ALICE = new PersonIdent("Alice", "alice@example.org");
  private static final PersonIdent BOB = new PersonIdent("Bob", "bob@example.org");

  @TempDir Path temp;
  private JGitWorkingCopy alice;
  private JGitWorkingCopy bob;

  @BeforeEach
  void twoCollaborators() throws Exception {
    Path seed = temp.resolve("seed");
    try (Git git = Git.init().setInitialBranch("main").setDirectory(seed.toFile()).call()) {
      Files.writeString(seed.resolve("file1.txt"), "one\n");
      Files.writeString(seed.resolve("Some Data.txt"), "original\n");
      git.add().addFilepattern(".").call();
      git.commit().setAuthor(ALICE).setCommitter(ALICE).setMessage("Start").call();
    }
    Path bare = temp.resolve("project.git");
    Git.cloneRepository().setURI(seed.toUri().toString()).setDirectory(bare.toFile()).setBare(true).call().close();
    alice = JGitWorkingCopy.checkout(bare.toUri().toString(), temp.resolve("alice"));
    bob = JGitWorkingCopy.checkout(bare.toUri().toString(), temp.resolve("bob"));
  }

  private static void edit(JGitWorkingCopy copy, String path, String content) throws Exception {
    Files.writeString(copy.directory().resolve(path), content);
  }

  private static String read(JGitWorkingCopy copy, String path) throws Exception {
    return Files.readString(copy.directory().resolve(path));
  }

  @Test
  void aFetchWithoutConflictsTakesTheServersChangesIncludingDeletions() throws Exception {
    Files.delete(alice.directory().resolve("file1.txt"));
    edit(alice, "new.py", "print(1)\n");
    assertThat(alice.commit("Delete file1, add new.py", null, false, ALICE).commitId()).isNotNull();

    SyncReport report = bob.fetch(null);

    assertThat(report.applied()).isTrue();
    assertThat(report.updated()).containsExactlyInAnyOrder("file1.txt", "new.py");
    assertThat(bob.directory().resolve("file1.txt")).doesNotExist();
    assertThat(read(bob, "new.py")).isEqualTo("print(1)\n");
    assertThat(bob.localChanges()).isEmpty();
  }

  @Test
  void conflictingFetchesAreReportedUntilTheUserChooses() throws Exception {
    edit(alice, "Some Data.txt", "alice's version\n");
    alice.commit("Alice edits", null, false, ALICE);
    edit(bob, "Some Data.txt", "bob's version\n");

    SyncReport cancelled = bob.fetch(null);
    assertThat(cancelled.applied()).isFalse();
    assertThat(cancelled.conflicts()).containsExactly("Some Data.txt");
    assertThat(read(bob, "Some Data.txt")).isEqualTo("bob's version\n");

    SyncReport both = bob.fetch(ConflictResolution.BOTH);
    assertThat(both.keptBoth()).containsExactly("Some Data.txt (Alice's conflicted file)");
    assertThat(read(bob, "Some Data.txt (Alice's conflicted file)")).isEqualTo("alice's version\n");
    assertThat(read(bob, "Some Data.txt")).isEqualTo("bob's version\n");
  }

  @Test
  void keepTheirsLosesTheLocalEditAndKeepMineOverwritesTheServerOnCommit() throws Exception {
    edit(alice, "Some Data.txt", "alice's version\n");
    alice.commit("Alice edits", null, false, ALICE);
    edit(bob, "Some Data.txt", "bob's version\n");
    bob.fetch(ConflictResolution.THEIRS);
    assertThat(read(bob, "Some Data.txt")).isEqualTo("alice's version\n");
    assertThat(bob.localChanges()).isEmpty();

    edit(alice, "Some Data.txt", "alice again\n");
    alice.commit("Alice again", null, false, ALICE);
    edit(bob, "Some Data.txt", "bob insists\n");
    bob.fetch(ConflictResolution.MINE);
    assertThat(bob.commit("Bob insists", null, false, BOB).commitId()).isNotNull();
    alice.fetch(null);
    assertThat(read(alice, "Some Data.txt")).isEqualTo("bob insists\n");
  }

  @Test
  void aConflictingCommitStopsUnlessItProceedsOrLeavesTheFileOut() throws Exception {
    edit(alice, "Some Data.txt", "alice's version\n");
    edit(alice, "file1.txt", "alice's file1\n");
    alice.commit("Alice edits", null, false, ALICE);
    edit(bob, "Some Data.txt", "bob's version\n");
    edit(bob, "notes.md", "bob's notes\n");

    SyncReport stopped = bob.commit("Bob's work", null, false, BOB);
    assertThat(stopped.applied()).isFalse();
    assertThat(stopped.conflicts()).containsExactly("Some Data.txt");

    SyncReport selective = bob.commit("Only the notes", List.of("notes.md"), false, BOB);
    assertThat(selective.commitId()).isNotNull();
    assertThat(read(bob, "file1.txt")).as("the server's other changes came with the commit").isEqualTo("alice's file1\n");
    assertThat(bob.localChanges()).containsExactly("Some Data.txt");

    SyncReport proceeded = bob.commit("Overwrite", null, true, BOB);
    assertThat(proceeded.commitId()).isNotNull();
    alice.fetch(null);
    assertThat(Map.of("data", read(alice, "Some Data.txt"), "notes", read(alice, "notes.md")))
        .containsEntry("data", "bob's version\n")
        .containsEntry("notes", "bob's notes\n");
  }
}
