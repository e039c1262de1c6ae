package org.tessera.projects.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.projects.domain.ProjectId;
import org.tessera.projects.domain.PullRefusedException;
import org.tessera.projects.domain.PullResult;

/** Mirroring a project repository to another git repository and pulling from it, fast-forward only. */
class ExternalGitTransportTest {

  private static final ProjectId ID = new ProjectId("00000000000000aa");

  @TempDir Path temp;
  private String previousHome;
  private String remote;
  private final ExternalGitTransport transport = new ExternalGitTransport(null, null);

  @BeforeEach
  void aProjectAndAnEmptyExternalRepository() throws Exception {
    previousHome = System.getProperty("tessera.home");
    System.setProperty("tessera.home", temp.resolve("home").toString());
    new JGitProjectFiles().create(ID, Map.of("README.md", "hello\n".getBytes()), "Ada", "ada@example.org", "Start");
    Path external = temp.resolve("external.git");
    Git.init().setBare(true).setInitialBranch("main").setDirectory(external.toFile()).call().close();
    remote = external.toUri().toString();
  }

  @AfterEach
  void restoreHome() {
    if (previousHome == null) {
      System.clearProperty("tessera.home");
    } else {
      System.setProperty("tessera.home", previousHome);
    }
  }

  private Path cloneOfExternal(String name) throws Exception {
    Path dir = temp.resolve(name);
    Git.cloneRepository().setURI(remote).setDirectory(dir.toFile()).call().close();
    return dir;
  }

  private static void commitAndPush(Path dir, String file, String content) throws Exception {
    try (Git git = Git.open(dir.toFile())) {
      Files.writeString(dir.resolve(file), content);
      git.add().addFilepattern(file).call();
      git.commit().setAuthor("Bob", "bob@example.org").setCommitter("Bob", "bob@example.org").setMessage("Change " + file).call();
      git.push().call();
    }
  }

  private static ObjectId main(Path gitDir) throws Exception {
    try (Repository repository = Git.open(gitDir.toFile()).getRepository()) {
      return repository.resolve("refs/heads/main");
    }
  }

  @Test
  void pushingMirrorsMainAndTags() throws Exception {
    String pushed = transport.push(ID, remote, List.of("refs/heads/*:refs/heads/*", "refs/tags/*:refs/tags/*"));

    assertThat(pushed).startsWith("refs/heads/main ");
    assertThat(main(temp.resolve("external.git"))).isEqualTo(main(JGitProjectFiles.directoryOf(ID)));
    assertThat(transport.push(ID, remote, List.of("refs/heads/main:refs/heads/main"))).isEqualTo("up to date");
  }

  @Test
  void pullFastForwardsMainAndAddsNewTags() throws Exception {
    transport.push(ID, remote, List.of("refs/heads/main:refs/heads/main"));
    Path bob = cloneOfExternal("bob");
    commitAndPush(bob, "notes.txt", "from outside\n");
    try (Git git = Git.open(bob.toFile())) {
      git.tag().setName("v2").setAnnotated(false).call();
      git.push().setPushTags().call();
    }

    PullResult result = transport.pull(ID, remote, 50L << 20);

    assertThat(result.updated()).isTrue();
    assertThat(result.tagsAdded()).containsExactly("v2");
    assertThat(main(JGitProjectFiles.directoryOf(ID))).isEqualTo(main(temp.resolve("external.git")));
    assertThat(new JGitProjectFiles().read(ID, "notes.txt")).isPresent();
    assertThat(transport.pull(ID, remote, 50L << 20).updated()).isFalse();
    try (Repository repository = JGitProjectFiles.open(ID).orElseThrow()) {
      assertThat(repository.getRefDatabase().getRefsByPrefix("refs/tessera-external/")).isEmpty();
    }
  }

  @Test
  void aPullThatWouldBringAFileOverTheLimitIsRefusedAndChangesNothing() throws Exception {
    transport.push(ID, remote, List.of("refs/heads/main:refs/heads/main"));
    ObjectId before = main(JGitProjectFiles.directoryOf(ID));
    commitAndPush(cloneOfExternal("bob"), "big.bin", "x".repeat(2 << 20));

    assertThatThrownBy(() -> transport.pull(ID, remote, 1L << 20)).isInstanceOf(PullRefusedException.class)
        .hasMessageContaining("big.bin is 2 MB", "1 MB file size limit");
    assertThat(main(JGitProjectFiles.directoryOf(ID))).isEqualTo(before);
  }

  @Test
  void aDivergedMainIsRefusedWithWhatToDoAndChangesNothing() throws Exception {
    transport.push(ID, remote, List.of("refs/heads/main:refs/heads/main"));
    commitAndPush(cloneOfExternal("bob"), "outside.txt", "outside\n");
    new JGitProjectFiles().tag(ID, "v1", null, "local", "Ada", "ada@example.org");
    ObjectId before = main(JGitProjectFiles.directoryOf(ID));
    Path ada = temp.resolve("ada");
    Git.cloneRepository().setURI(JGitProjectFiles.directoryOf(ID).toUri().toString()).setDirectory(ada.toFile()).call().close();
    commitAndPush(ada, "inside.txt", "inside\n");

    assertThatThrownBy(() -> transport.pull(ID, remote, 50L << 20)).isInstanceOf(PullRefusedException.class).hasMessageContaining("diverged", "git pull " + remote + " main");
    assertThatThrownBy(() -> transport.push(ID, remote, List.of("refs/heads/main:refs/heads/main")))
        .isInstanceOf(ExternalGitTransport.MirrorException.class).hasMessageContaining("pull them into the project");
    assertThat(main(JGitProjectFiles.directoryOf(ID))).isNotEqualTo(before);
  }

  @Test
  void anUnreachableServiceIsReportedWithWhatToCheck() {
    assertThatThrownBy(() -> transport.push(ID, "http://127.0.0.1:1/nothing.git", List.of("refs/heads/main:refs/heads/main")))
        .isInstanceOf(ExternalGitTransport.MirrorException.class).hasMessageContaining("http://127.0.0.1:1/nothing.git", "Admin → External git");
  }

  @Test
  void jsonBodiesQuoteStringsAndKeepBooleansAndNumbers() {
    assertThat(ExternalGitTransport.json(Map.of("name", "a\"b", "private", true, "namespace_id", 7L))).isEqualTo("{\"name\":\"a\\\"b\",\"namespace_id\":7,\"private\":true}");
  }
}
