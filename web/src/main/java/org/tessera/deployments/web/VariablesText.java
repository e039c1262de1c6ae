package org.tessera.deployments.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.tessera.deployments.domain.InvalidDeploymentRequestException;

/**
 * Deployment variables as the pages edit them: one {@code NAME=value} per line, blank lines and
 * lines starting with {@code #} skipped; the value is what follows the first {@code =}, trimmed. The
 * names and values are checked by the deployment itself.
 */
final class VariablesText {

  private VariablesText() {}

  static Map<String, String> parse(String text) {
    Map<String, String> variables = new LinkedHashMap<>();
    String[] lines = text == null ? new String[0] : text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int equals = line.indexOf('=');
      if (equals < 1) {
        throw new InvalidDeploymentRequestException("variables", "Line " + (i + 1) + " of the variables is not NAME=value; write it like GREETING=Hello.");
      }
      String name = line.substring(0, equals).strip();
      if (variables.put(name, line.substring(equals + 1).strip()) != null) {
        throw new InvalidDeploymentRequestException("variables", "Line " + (i + 1) + " sets " + name + " again; keep one line per variable.");
      }
    }
    return variables;
  }

  static String format(Map<String, String> variables) {
    return variables.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
  }
}
