package org.tessera.channels.domain;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * Reads the seed's mirror YAML. The text is composed into nodes, not Java objects, so every problem
 * (an unknown key, a list where a string belongs, {@code pkg_list} with the other lists) carries
 * its line and column; all problems are reported at once. The seed's defaults are filled in.
 */
public final class MirrorConfigParser {

  public static final int MAX_CHARS = 256 * 1024;

  /** The seed's license families for {@code license_blacklist}. */
  public static final List<String> LICENSE_FAMILIES = List.of("AGPL", "GPL2", "GPL3", "LGPL", "BSD", "MIT", "Apache", "PSF", "Public-Domain", "Proprietary", "Other");

  private static final Set<String> CONDA_KEYS = Set.of("remote_url", "channels", "dest_channel", "platforms", "pkg_list", "python_versions", "license_blacklist",
      "blacklist", "whitelist");
  private static final Set<String> PYPI_KEYS = Set.of("user", "pkg_list", "whitelist", "blacklist", "latest_only", "remote_url", "simple_index_url",
      "xml_rpc_api_url", "use_xml_rpc", "use_serial", "create_org");

  private final List<MirrorConfigProblem> problems = new ArrayList<>();
  private final Map<String, Node> values = new LinkedHashMap<>();
  private final Map<String, Node> keys = new LinkedHashMap<>();

  private MirrorConfigParser() {}

  /** @throws InvalidMirrorConfigException listing every problem, with line and column */
  public static MirrorConfig parse(MirrorKind kind, String yaml) {
    return new MirrorConfigParser().read(kind, yaml == null ? "" : yaml);
  }

  private MirrorConfig read(MirrorKind kind, String text) {
    if (text.length() > MAX_CHARS) {
      throw new InvalidMirrorConfigException(List.of(new MirrorConfigProblem(null, 1, 1, "The configuration is longer than 256 kB; list fewer packages")));
    }
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(20);
      options.setNestingDepthLimit(10);
      options.setCodePointLimit(MAX_CHARS);
      options.setAllowRecursiveKeys(false);
      root = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new InvalidMirrorConfigException(List.of(new MirrorConfigProblem(null, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1,
          "Not valid YAML: " + (e.getProblem() != null ? e.getProblem() : e.getMessage()))));
    } catch (YAMLException e) {
      throw new InvalidMirrorConfigException(List.of(new MirrorConfigProblem(null, 1, 1, "Not valid YAML: " + e.getMessage())));
    }
    if (root != null && !(root instanceof MappingNode)) {
      problem(null, root, "The configuration must be a mapping of keys such as " + (kind == MirrorKind.CONDA ? "dest_channel, channels and platforms" : "user and whitelist"));
    } else if (root != null) {
      Set<String> allowed = kind == MirrorKind.CONDA ? CONDA_KEYS : PYPI_KEYS;
      for (NodeTuple tuple : ((MappingNode) root).getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
          problem(null, tuple.getKeyNode(), "Keys are plain names");
          continue;
        }
        String key = keyNode.getValue();
        if (!allowed.contains(key)) {
          problem(key, keyNode, "Unknown key '" + key + "' for a " + kind.label() + " mirror; the keys are " + new TreeSet<>(allowed));
        } else if (values.containsKey(key)) {
          problem(key, keyNode, "The key '" + key + "' is given twice; keep one");
        } else {
          keys.put(key, keyNode);
          values.put(key, tuple.getValueNode());
        }
      }
    }
    MirrorConfig config = kind == MirrorKind.CONDA ? conda() : pypi();
    if (!problems.isEmpty()) {
      throw new InvalidMirrorConfigException(problems);
    }
    return config;
  }

  private MirrorConfig.Conda conda() {
    String remoteUrl = string("remote_url", "https://repo.continuum.io/");
    List<String> channels = list("channels");
    if (!values.containsKey("channels")) {
      String base = remoteUrl.replaceAll("/+$", "");
      channels = List.of(base + "/pkgs/free/", base + "/pkgs/pro/");
    } else if (channels.isEmpty()) {
      problem("channels", values.get("channels"), "List at least one channel to mirror from (an https:// or file:// URL, or a path)");
    }
    for (String channel : channels) {
      if (!(channel.startsWith("http://") || channel.startsWith("https://") || channel.startsWith("file:/") || channel.startsWith("/"))) {
        problem("channels", values.get("channels"), "The channel '" + channel + "' is neither an http(s):// or file:// URL nor an absolute path");
      }
    }
    String dest = destination("dest_channel", "anaconda");
    List<String> platforms = list("platforms");
    for (String platform : platforms) {
      if (!CondaPackageMetadata.SUBDIRS.contains(platform)) {
        problem("platforms", values.get("platforms"), "Unknown platform '" + platform + "'; use conda's names such as linux-64, osx-arm64, win-64 or noarch");
      }
    }
    List<String> pkgList = list("pkg_list");
    List<String> pythonVersions = list("python_versions");
    for (String version : pythonVersions) {
      if (!version.matches("\\d+(\\.\\d+){0,2}")) {
        problem("python_versions", values.get("python_versions"), "'" + version + "' is not a Python version; write versions like 3.11");
      }
    }
    List<String> licenses = new ArrayList<>();
    for (String license : list("license_blacklist")) {
      LICENSE_FAMILIES.stream().filter(f -> f.equalsIgnoreCase(license)).findFirst().ifPresentOrElse(licenses::add,
          () -> problem("license_blacklist", values.get("license_blacklist"), "Unknown license family '" + license + "'; the families are " + LICENSE_FAMILIES));
    }
    List<String> blacklist = list("blacklist");
    List<String> whitelist = list("whitelist");
    exclusive(pkgList, licenses, blacklist, whitelist, true);
    return new MirrorConfig.Conda(remoteUrl, channels, dest, platforms, pkgList, pythonVersions, licenses, blacklist, whitelist, List.of());
  }

  private MirrorConfig.Pypi pypi() {
    String user = destination("user", "pypi");
    List<String> pkgList = list("pkg_list");
    List<String> whitelist = list("whitelist");
    List<String> blacklist = list("blacklist");
    boolean latestOnly = bool("latest_only", false);
    String remoteUrl = string("remote_url", "https://pypi.python.org/");
    String simple = string("simple_index_url", null);
    String xmlRpc = string("xml_rpc_api_url", null);
    boolean useXmlRpc = bool("use_xml_rpc", true);
    boolean useSerial = bool("use_serial", true);
    boolean createOrg = bool("create_org", false);
    for (String url : new String[] {remoteUrl, simple}) {
      if (url != null && !(url.startsWith("http://") || url.startsWith("https://") || url.startsWith("file:/"))) {
        problem(url == remoteUrl ? "remote_url" : "simple_index_url", values.get(url == remoteUrl ? "remote_url" : "simple_index_url"),
            "'" + url + "' is not an http(s):// or file:// URL");
      }
    }
    exclusive(pkgList, List.of(), blacklist, whitelist, false);
    List<String> notes = new ArrayList<>();
    if (values.containsKey("use_xml_rpc") || values.containsKey("xml_rpc_api_url")) {
      notes.add("use_xml_rpc" + (xmlRpc != null ? " and xml_rpc_api_url are" : " is") + " ignored: PyPI's XML-RPC API is deprecated, so the simple index "
          + "(PEP 691 JSON, else PEP 503 HTML) is always read" + (useXmlRpc ? "" : ", as use_xml_rpc: false asks"));
    }
    if (values.containsKey("use_serial")) {
      notes.add("use_serial is not applicable: files already in the destination are skipped by name, so a rerun copies only what is new" + (useSerial ? "" : " either way"));
    }
    if (values.containsKey("create_org")) {
      notes.add("create_org is not applicable: the destination is a channel owned by whoever starts the mirror and shared with all authenticated users"
          + (createOrg ? "; share it with a group to give others write access" : ""));
    }
    return new MirrorConfig.Pypi(user, pkgList, whitelist, blacklist, latestOnly, remoteUrl, simple, notes);
  }

  /** The seed: pkg_list "cannot be used with the blacklist, whitelist or license_blacklist arguments". */
  private void exclusive(List<String> pkgList, List<String> licenses, List<String> blacklist, List<String> whitelist, boolean conda) {
    if (pkgList.isEmpty()) {
      return;
    }
    for (String key : List.of("license_blacklist", "blacklist", "whitelist")) {
      List<String> other = key.equals("license_blacklist") ? licenses : key.equals("blacklist") ? blacklist : whitelist;
      if (!other.isEmpty()) {
        problem(key, keys.get(key), "pkg_list cannot be combined with " + key + ": pkg_list names exactly what to mirror"
            + (conda ? " (it combines only with platforms and python_versions)" : "") + "; remove " + key + " or pkg_list");
      }
    }
  }

  private String destination(String key, String fallback) {
    String value = string(key, fallback);
    try {
      return Channel.validName(value);
    } catch (InvalidChannelRequestException e) {
      problem(key, values.get(key), e.getMessage().replaceAll("\\.$", ""));
      return fallback;
    }
  }

  private String string(String key, String fallback) {
    Node node = values.get(key);
    if (node == null || isNull(node)) {
      return fallback;
    }
    if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
      problem(key, node, key + " takes a single value, like " + key + ": " + (fallback == null ? "https://pypi.org/simple/" : fallback));
      return fallback;
    }
    return scalar.getValue().strip();
  }

  private boolean bool(String key, boolean fallback) {
    Node node = values.get(key);
    if (node == null || isNull(node)) {
      return fallback;
    }
    if (node instanceof ScalarNode scalar) {
      switch (scalar.getValue().strip().toLowerCase(Locale.ROOT)) {
        case "true", "yes", "on" -> {
          return true;
        }
        case "false", "no", "off" -> {
          return false;
        }
        default -> {}
      }
    }
    problem(key, node, key + " is true or false");
    return fallback;
  }

  private List<String> list(String key) {
    Node node = values.get(key);
    if (node == null || isNull(node)) {
      return List.of();
    }
    if (!(node instanceof SequenceNode sequence)) {
      problem(key, node, key + " is a list, one item per line starting with '- '");
      return List.of();
    }
    List<String> items = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
        items.add(scalar.getValue().strip());
      } else {
        problem(key, item, "Each item of " + key + " is a single name or value");
      }
    }
    return List.copyOf(items);
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
  }

  private void problem(String key, Node node, String message) {
    Mark mark = node == null ? null : node.getStartMark();
    problems.add(new MirrorConfigProblem(key, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1, message));
  }
}
