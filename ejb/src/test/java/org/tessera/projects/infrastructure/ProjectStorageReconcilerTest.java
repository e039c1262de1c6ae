package org.tessera.projects.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectStorageReconcilerTest {

  @TempDir Path data;

  @Test
  void repositoriesWithoutAProjectAreMovedAsideAndKnownOnesStay() throws Exception {
    Path git = Files.createDirectories(data.resolve("git"));
    Files.createDirectories(git.resolve("aaaaaaaaaaaaaaaa.git/objects"));
    Files.createDirectories(git.resolve("bbbbbbbbbbbbbbbb.git/objects"));

    assertThat(ProjectStorageReconciler.moveOrphans(git, Set.of("aaaaaaaaaaaaaaaa"))).isEqualTo(1);

    assertThat(git.resolve("aaaaaaaaaaaaaaaa.git")).isDirectory();
    assertThat(git.resolve("bbbbbbbbbbbbbbbb.git")).doesNotExist();
    try (var aside = Files.list(data.resolve("git-orphans"))) {
      assertThat(aside.toList()).singleElement().satisfies(p -> assertThat(p.getFileName().toString()).startsWith("bbbbbbbbbbbbbbbb.git-"));
    }
    assertThat(ProjectStorageReconciler.moveOrphans(git, Set.of("aaaaaaaaaaaaaaaa"))).isZero();
  }

  @Test
  void unfinishedUploadsAreRemoved() throws Exception {
    Path uploads = Files.createDirectories(data.resolve("uploads"));
    Files.writeString(uploads.resolve("upload-1.part"), "half");
    Files.createDirectories(uploads.resolve(".p1.unpacking/src"));

    assertThat(ProjectStorageReconciler.clear(uploads)).isEqualTo(2);
    try (var left = Files.list(uploads)) {
      assertThat(left.toList()).isEmpty();
    }
    assertThat(ProjectStorageReconciler.clear(data.resolve("missing"))).isZero();
  }
}
