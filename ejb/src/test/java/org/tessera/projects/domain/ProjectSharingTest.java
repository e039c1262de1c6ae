package org.tessera.projects.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectSharingTest {

  private final Project project = new Project(ProjectId.random(), "ada", new ProjectName("churn"), null, ProjectTemplate.EMPTY, OffsetDateTime.now());

  @Test
  void theOwnerAndAdministratorsManageStrangersSeeNothing() {
    assertThat(project.accessOf("ada", List.of(), false)).contains(ProjectAccess.MANAGE);
    assertThat(project.accessOf("root", List.of(), true)).contains(ProjectAccess.MANAGE);
    assertThat(project.accessOf("bob", List.of("analysts"), false)).isEmpty();
  }

  @Test
  void theHighestShareOfAUserAndTheirGroupsWins() {
    project.share(Collaborator.Kind.USER, "bob", ProjectAccess.READ);
    project.share(Collaborator.Kind.GROUP, "analysts", ProjectAccess.WRITE);

    assertThat(project.accessOf("bob", List.of(), false)).contains(ProjectAccess.READ);
    assertThat(project.accessOf("bob", List.of("analysts"), false)).contains(ProjectAccess.WRITE);
    assertThat(project.accessOf("carol", List.of("analysts"), false)).contains(ProjectAccess.WRITE);
  }

  @Test
  void sharingAgainChangesTheAccessInsteadOfAddingAShare() {
    project.share(Collaborator.Kind.USER, "bob", ProjectAccess.READ);
    project.share(Collaborator.Kind.USER, "bob", ProjectAccess.WRITE);

    assertThat(project.collaborators()).singleElement().satisfies(c -> assertThat(c.access()).isEqualTo(ProjectAccess.WRITE));
  }

  @Test
  void unsharingSomeoneNotSharedWithIsAnError() {
    project.share(Collaborator.Kind.GROUP, "analysts", ProjectAccess.READ);
    assertThatThrownBy(() -> project.unshare(Collaborator.Kind.USER, "analysts")).isInstanceOf(CollaboratorNotFoundException.class);
    project.unshare(Collaborator.Kind.GROUP, "analysts");
    assertThat(project.accessOf("x", List.of("analysts"), false)).isEqualTo(Optional.empty());
  }

  @Test
  void theOwnerCannotBeACollaborator() {
    assertThatThrownBy(() -> project.share(Collaborator.Kind.USER, "ada", ProjectAccess.READ)).isInstanceOf(InvalidCollaboratorException.class);
    assertThatThrownBy(() -> project.share(Collaborator.Kind.USER, " ", ProjectAccess.READ)).isInstanceOf(InvalidCollaboratorException.class);
  }

  @Test
  void transferringKeepsThePreviousOwnerAsWriterAndDropsTheHeirsShare() {
    project.share(Collaborator.Kind.USER, "bob", ProjectAccess.READ);
    project.transferTo("bob");

    assertThat(project.owner()).isEqualTo("bob");
    assertThat(project.accessOf("bob", List.of(), false)).contains(ProjectAccess.MANAGE);
    assertThat(project.accessOf("ada", List.of(), false)).contains(ProjectAccess.WRITE);
    assertThat(project.collaborators()).extracting(Collaborator::name).containsExactly("ada");
    assertThatThrownBy(() -> project.transferTo("bob")).isInstanceOf(InvalidCollaboratorException.class);
  }

  @Test
  void permissionsAreReadOrWrite() {
    assertThat(ProjectAccess.shareable("rw")).isEqualTo(ProjectAccess.WRITE);
    assertThat(ProjectAccess.shareable("r")).isEqualTo(ProjectAccess.READ);
    assertThatThrownBy(() -> ProjectAccess.shareable("manage")).hasMessageContaining("\"read\" or \"write\"");
  }
}
