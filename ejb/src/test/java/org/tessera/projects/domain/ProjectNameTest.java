package org.tessera.projects.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectNameTest {

  @ParameterizedTest
  @ValueSource(strings = {"demo", "flask-api", "Sales_2026", "0day"})
  void letters_digits_dash_and_underscore_are_allowed(String name) {
    assertThat(new ProjectName(name).value()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"my project", "-lead", "_lead", "a/b", "ümlaut", "a.git", "..", "semi;colon"})
  void spaces_and_special_characters_are_refused_with_the_rule(String name) {
    assertThatThrownBy(() -> new ProjectName(name))
        .isInstanceOf(InvalidProjectNameException.class)
        .hasMessageContaining("use letters, digits, - and _ only");
  }

  @Test
  void blank_and_overlong_names_are_refused() {
    assertThatThrownBy(() -> new ProjectName(" ")).hasMessage("A project needs a name.");
    assertThatThrownBy(() -> new ProjectName("x".repeat(65))).hasMessageContaining("longer than 64");
  }
}
