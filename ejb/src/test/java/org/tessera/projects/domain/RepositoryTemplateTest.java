package org.tessera.projects.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The seed's {@code repository: '{owner}-{id}'} template: what it accepts and what it makes. */
class RepositoryTemplateTest {

  private static final ProjectId ID = new ProjectId("0123456789abcdef");

  @Test
  void theSeedsDefaultNamesTheRepositoryByOwnerAndId() {
    assertThat(new RepositoryTemplate(RepositoryTemplate.DEFAULT).expand("ada", ID, "demo")).isEqualTo("ada-0123456789abcdef");
  }

  @Test
  void ownerAndNameTogetherAreUniqueEnough() {
    assertThat(new RepositoryTemplate("tessera.{owner}_{name}").expand("ada", ID, "flask-api")).isEqualTo("tessera.ada_flask-api");
  }

  @Test
  void charactersGitServicesRefuseBecomeDashes() {
    assertThat(new RepositoryTemplate("{owner}-{id}").expand("ada@example.org", ID, "x")).isEqualTo("ada-example.org-0123456789abcdef");
  }

  @Test
  void aTemplateThatCouldNameTwoProjectsAlikeIsRefusedWithAnExample() {
    assertThat(RepositoryTemplate.problem("{owner}")).get().asString().contains("must contain {id}, or {owner} and {name}", "{owner}-{id}");
    assertThat(RepositoryTemplate.problem("{name}")).isPresent();
    assertThat(RepositoryTemplate.problem("projects")).isPresent();
  }

  @Test
  void unknownPlaceholdersAndUnsafeCharactersAreNamed() {
    assertThat(RepositoryTemplate.problem("{owner}-{project}")).get().asString().contains("unknown placeholder {project}");
    assertThat(RepositoryTemplate.problem("{owner}/{id}")).get().asString().contains("remove '/'");
    assertThat(RepositoryTemplate.problem("{id} x")).get().asString().contains("remove ' '");
    assertThat(RepositoryTemplate.problem("")).get().asString().contains("empty");
    assertThatThrownBy(() -> new RepositoryTemplate("{owner}")).isInstanceOf(IllegalArgumentException.class);
  }
}
