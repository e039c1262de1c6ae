package org.tessera.deployments.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tessera.deployments.domain.InvalidDeploymentRequestException;

class VariablesTextTest {

  @Test
  void parse_readsNameValueLinesSkippingBlanksAndComments() {
    assertThat(VariablesText.parse("GREETING=Bonjour\r\n\n# model\nMODEL = v2=final\nEMPTY=")).containsExactly(
        Map.entry("GREETING", "Bonjour"), Map.entry("MODEL", "v2=final"), Map.entry("EMPTY", ""));
    assertThat(VariablesText.parse(null)).isEmpty();
  }

  @Test
  void parse_aLineWithoutNameOrTwiceTheSameName_isRefusedNamingTheLine() {
    assertThatThrownBy(() -> VariablesText.parse("A=1\nno equals sign")).isInstanceOf(InvalidDeploymentRequestException.class).hasMessageContaining("Line 2");
    assertThatThrownBy(() -> VariablesText.parse("=x")).hasMessageContaining("Line 1");
    assertThatThrownBy(() -> VariablesText.parse("A=1\nA=2")).hasMessageContaining("Line 2 sets A again");
  }

  @Test
  void format_writesWhatParseReads() {
    Map<String, String> variables = Map.of("GREETING", "Hej");
    assertThat(VariablesText.parse(VariablesText.format(variables))).isEqualTo(variables);
  }
}
