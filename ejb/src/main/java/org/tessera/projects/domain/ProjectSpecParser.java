package org.tessera.projects.domain;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.tessera.projects.domain.ProjectSpec.Command;
import org.tessera.projects.domain.ProjectSpec.CommandType;
import org.tessera.projects.domain.ProjectSpec.Download;
import org.tessera.projects.domain.ProjectSpec.EnvSpec;
import org.tessera.projects.domain.ProjectSpec.Variable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads an {@code anaconda-project.yml} into a {@link ProjectSpec}, or reports every problem in
 * it with line and column. The file is composed into YAML nodes rather than Java objects so that
 * each problem can point at its place; nothing in the file is ever instantiated as a class.
 *
 * <p>Guards: at most {@link #MAX_BYTES} of text, few aliases (no "billion laughs"), bounded
 * nesting, and duplicate keys are problems rather than silently overwritten.
 */
public final class ProjectSpecParser {

  public static final int MAX_BYTES = 1_000_000;

  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> COMMAND_ATTRIBUTES = Set.of("description", "env_spec", "supports_http_options");

  private final List<ProjectSpecProblem> problems = new ArrayList<>();

  private ProjectSpecParser() {}

  /**
   * @throws InvalidProjectSpecException listing every problem found
   */
  public static ProjectSpec parse(String yaml) {
    return new ProjectSpecParser().read(yaml == null ? "" : yaml);
  }

  private ProjectSpec read(String text) {
    if (text.length() > MAX_BYTES) {
      throw new InvalidProjectSpecException(
          List.of(new ProjectSpecProblem(1, 1, "The file is larger than " + MAX_BYTES / 1000 + " kB; keep data out of anaconda-project.yml.")));
    }
    Node root;
    try {
      root = yaml().compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      throw new InvalidProjectSpecException(
          List.of(new ProjectSpecProblem(mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1, "Not valid YAML: " + problem + ".")));
    } catch (YAMLException e) {
      throw new InvalidProjectSpecException(List.of(new ProjectSpecProblem(1, 1, "Not valid YAML: " + e.getMessage())));
    }

    String name = null;
    String description = null;
    List<String> channels = List.of();
    List<String> packages = new ArrayList<>();
    List<String> pip = new ArrayList<>();
    Map<String, EnvSpec> envSpecs = new LinkedHashMap<>();
    Map<String, Command> commands = new LinkedHashMap<>();
    Map<String, Variable> variables = new LinkedHashMap<>();
    Map<String, Download> downloads = new LinkedHashMap<>();
    Map<String, String> services = new LinkedHashMap<>();
    Map<String, Object> otherKeys = new LinkedHashMap<>();
    Map<String, Node> commandEnvSpecs = new LinkedHashMap<>();

    if (root != null && !isNull(root)) {
      for (Map.Entry<String, Node> entry : mapping(root, "The file").entrySet()) {
        Node value = entry.getValue();
        switch (entry.getKey()) {
          case "name" -> name = scalar(value, "name");
          case "description" -> description = scalar(value, "description");
          case "channels" -> channels = strings(value, "channels");
          case "packages" -> packages(value, "packages", packages, pip);
          case "pip" -> pip.addAll(strings(value, "pip"));
          case "env_specs" -> mapping(value, "env_specs").forEach((envName, spec) -> envSpecs.put(envName, envSpec(envName, spec)));
          case "commands" ->
              mapping(value, "commands")
                  .forEach(
                      (commandName, spec) -> {
                        Command command = command(commandName, spec, commandEnvSpecs);
                        if (command != null) {
                          commands.put(commandName, command);
                        }
                      });
          case "variables" -> variables(value, variables);
          case "downloads" -> mapping(value, "downloads").forEach((downloadName, spec) -> downloads.put(downloadName, download(downloadName, spec)));
          case "services" -> mapping(value, "services").forEach((serviceName, spec) -> services.put(serviceName, service(serviceName, spec)));
          default -> otherKeys.put(entry.getKey(), plain(value));
        }
      }
    }
    // A command may only name an environment the file declares (when it declares any).
    commandEnvSpecs.forEach(
        (envName, node) -> {
          if (!envSpecs.isEmpty() && !envSpecs.containsKey(envName)) {
            problem(node, "env_spec '" + envName + "' is not declared under env_specs; declared: " + String.join(", ", envSpecs.keySet()) + ".");
          }
        });
    if (!problems.isEmpty()) {
      throw new InvalidProjectSpecException(problems);
    }
    return new ProjectSpec(name, description, channels, packages, pip, envSpecs, commands, variables, downloads, services, otherKeys);
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(30);
    options.setCodePointLimit(MAX_BYTES);
    options.setAllowRecursiveKeys(false);
    return new Yaml(options);
  }

  // --- sections ----------------------------------------------------------------------------------

  private void packages(Node node, String where, List<String> conda, List<String> pip) {
    for (Node item : sequence(node, where)) {
      if (item instanceof MappingNode) {
        mapping(item, where + " entry")
            .forEach(
                (key, value) -> {
                  if (key.equals("pip")) {
                    pip.addAll(strings(value, where + " pip"));
                  } else {
                    problem(item, "Unknown entry '" + key + ":' in " + where + "; only a 'pip:' list can be nested there.");
                  }
                });
      } else {
        String spec = scalar(item, where + " entry");
        if (spec != null) {
          conda.add(spec);
        }
      }
    }
  }

  private EnvSpec envSpec(String name, Node node) {
    String description = null;
    List<String> channels = List.of();
    List<String> packages = new ArrayList<>();
    List<String> pip = new ArrayList<>();
    List<String> inherit = List.of();
    List<String> platforms = List.of();
    if (!isNull(node)) {
      for (Map.Entry<String, Node> entry : mapping(node, "env_specs." + name).entrySet()) {
        String where = "env_specs." + name + "." + entry.getKey();
        switch (entry.getKey()) {
          case "description" -> description = scalar(entry.getValue(), where);
          case "channels" -> channels = strings(entry.getValue(), where);
          case "packages" -> packages(entry.getValue(), where, packages, pip);
          case "inherit_from" ->
              inherit = entry.getValue() instanceof ScalarNode ? List.of(scalar(entry.getValue(), where)) : strings(entry.getValue(), where);
          case "platforms" -> platforms = strings(entry.getValue(), where);
          default -> { /* other env spec keys of anaconda-project are not used by Tessera */ }
        }
      }
    }
    return new EnvSpec(name, description, channels, packages, pip, inherit, platforms);
  }

  private Command command(String name, Node node, Map<String, Node> envSpecRefs) {
    Map<String, Node> fields = mapping(node, "commands." + name);
    CommandType type = null;
    String target = null;
    for (Map.Entry<String, Node> field : fields.entrySet()) {
      String key = field.getKey();
      CommandType declared = typeOf(key);
      if (declared != null) {
        if (type != null) {
          problem(field.getValue(), "Command '" + name + "' declares both " + type.key() + " and " + key + "; a command has exactly one type.");
        }
        type = declared;
        target = scalar(field.getValue(), "commands." + name + "." + key);
      } else if (!COMMAND_ATTRIBUTES.contains(key)) {
        problem(field.getValue(), "Unknown command type or key '" + key + "' in command '" + name + "'; a command has one of "
            + "notebook, bokeh_app, unix, rest_api and may have description, env_spec, supports_http_options.");
      }
    }
    if (type == null) {
      if (fields.keySet().stream().allMatch(COMMAND_ATTRIBUTES::contains)) {
        problem(node, "Command '" + name + "' has no type; add one of notebook, bokeh_app, unix, rest_api.");
      }
      return null;
    }
    boolean http = fields.containsKey("supports_http_options") && bool(fields.get("supports_http_options"), "commands." + name + ".supports_http_options");
    String envSpec = fields.containsKey("env_spec") ? scalar(fields.get("env_spec"), "commands." + name + ".env_spec") : null;
    if (envSpec != null) {
      envSpecRefs.put(envSpec, fields.get("env_spec"));
    }
    String description = fields.containsKey("description") ? scalar(fields.get("description"), "commands." + name + ".description") : null;
    if (target == null || target.isBlank()) {
      problem(node, "Command '" + name + "' has an empty " + type.key() + "; say what it runs.");
    }
    return new Command(name, type, target, http, envSpec, description);
  }

  private static CommandType typeOf(String key) {
    for (CommandType type : CommandType.values()) {
      if (type.key().equals(key)) {
        return type;
      }
    }
    return null;
  }

  private void variables(Node node, Map<String, Variable> variables) {
    BiConsumer<String, Node> checkName =
        (name, at) -> {
          if (!VARIABLE_NAME.matcher(name).matches()) {
            problem(at, "'" + name + "' is not a valid environment variable name; use letters, digits and _, not starting with a digit.");
          }
        };
    if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        String name = scalar(item, "variables entry");
        if (name != null) {
          checkName.accept(name, item);
          variables.put(name, new Variable(name, null, null, false));
        }
      }
      return;
    }
    mapping(node, "variables")
        .forEach(
            (name, spec) -> {
              checkName.accept(name, spec);
              if (isNull(spec) || spec instanceof ScalarNode) {
                variables.put(name, new Variable(name, null, isNull(spec) ? null : scalar(spec, "variables." + name), false));
                return;
              }
              Map<String, Node> fields = mapping(spec, "variables." + name);
              variables.put(
                  name,
                  new Variable(
                      name,
                      fields.containsKey("description") ? scalar(fields.get("description"), "variables." + name + ".description") : null,
                      fields.containsKey("default") && !isNull(fields.get("default")) ? scalar(fields.get("default"), "variables." + name + ".default") : null,
                      fields.containsKey("encrypted") && bool(fields.get("encrypted"), "variables." + name + ".encrypted")));
            });
  }

  private Download download(String name, Node node) {
    if (node instanceof ScalarNode) {
      return new Download(name, url(node, "downloads." + name), null, null, null);
    }
    Map<String, Node> fields = mapping(node, "downloads." + name);
    if (!fields.containsKey("url")) {
      problem(node, "Download '" + name + "' has no url.");
      return new Download(name, null, null, null, null);
    }
    return new Download(
        name,
        url(fields.get("url"), "downloads." + name + ".url"),
        fields.containsKey("filename") ? scalar(fields.get("filename"), "downloads." + name + ".filename") : null,
        fields.containsKey("description") ? scalar(fields.get("description"), "downloads." + name + ".description") : null,
        fields.containsKey("sha256") ? scalar(fields.get("sha256"), "downloads." + name + ".sha256") : null);
  }

  private String url(Node node, String where) {
    String url = scalar(node, where);
    if (url != null && !url.matches("(?i)(https?|ftp)://\\S+")) {
      problem(node, where + " must be an http, https or ftp URL, not '" + url + "'.");
    }
    return url;
  }

  private String service(String name, Node node) {
    if (node instanceof MappingNode) {
      Map<String, Node> fields = mapping(node, "services." + name);
      if (!fields.containsKey("type")) {
        problem(node, "Service '" + name + "' has no type (for example: redis).");
        return null;
      }
      return scalar(fields.get("type"), "services." + name + ".type");
    }
    return scalar(node, "services." + name);
  }

  // --- node helpers ------------------------------------------------------------------------------

  private Map<String, Node> mapping(Node node, String where) {
    Map<String, Node> entries = new LinkedHashMap<>();
    if (isNull(node)) {
      return entries;
    }
    if (!(node instanceof MappingNode mapping)) {
      problem(node, where + " must be a mapping of names to values.");
      return entries;
    }
    Set<String> seen = new HashSet<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        problem(tuple.getKeyNode(), "Keys in " + where + " must be plain names.");
        continue;
      }
      if (!seen.add(key.getValue())) {
        problem(key, "'" + key.getValue() + "' appears twice in " + where + "; keep one.");
        continue;
      }
      entries.put(key.getValue(), tuple.getValueNode());
    }
    return entries;
  }

  private List<Node> sequence(Node node, String where) {
    if (isNull(node)) {
      return List.of();
    }
    if (!(node instanceof SequenceNode sequence)) {
      problem(node, where + " must be a list (lines starting with '- ').");
      return List.of();
    }
    return sequence.getValue();
  }

  private List<String> strings(Node node, String where) {
    List<String> values = new ArrayList<>();
    for (Node item : sequence(node, where)) {
      String value = scalar(item, where + " entry");
      if (value != null) {
        values.add(value);
      }
    }
    return values;
  }

  private String scalar(Node node, String where) {
    if (isNull(node)) {
      return null;
    }
    if (!(node instanceof ScalarNode scalar)) {
      problem(node, where + " must be a single value, not a list or mapping.");
      return null;
    }
    return scalar.getValue();
  }

  private boolean bool(Node node, String where) {
    String value = scalar(node, where);
    if (value == null) {
      return false;
    }
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> {
        return true;
      }
      case "false", "no", "off" -> {
        return false;
      }
      default -> {
        problem(node, where + " must be true or false, not '" + value + "'.");
        return false;
      }
    }
  }

  private static boolean isNull(Node node) {
    return node == null || Tag.NULL.equals(node.getTag());
  }

  /** Unknown keys are kept as plain values: strings, booleans, numbers, lists and maps. */
  private static Object plain(Node node) {
    if (isNull(node)) {
      return null;
    }
    if (node instanceof ScalarNode scalar) {
      if (Tag.BOOL.equals(node.getTag())) {
        return Boolean.valueOf(scalar.getValue().toLowerCase(Locale.ROOT).matches("true|yes|on"));
      }
      if (Tag.INT.equals(node.getTag())) {
        try {
          return Long.valueOf(scalar.getValue());
        } catch (NumberFormatException e) {
          return scalar.getValue();
        }
      }
      return scalar.getValue();
    }
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue().stream().map(ProjectSpecParser::plain).toList();
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      map.put(String.valueOf(plain(tuple.getKeyNode())), plain(tuple.getValueNode()));
    }
    return map;
  }

  private void problem(Node node, String message) {
    Mark mark = node.getStartMark();
    problems.add(new ProjectSpecProblem(mark.getLine() + 1, mark.getColumn() + 1, message));
  }
}
