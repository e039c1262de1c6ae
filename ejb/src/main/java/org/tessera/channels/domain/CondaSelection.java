package org.tessera.channels.domain;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides which upstream conda files a mirror copies, in the seed's order: platforms first (the
 * caller reads only those subdirectories), then either {@code pkg_list} alone, or
 * {@code license_blacklist}, then {@code blacklist}, with {@code whitelist} taking back what those
 * two excluded; {@code python_versions} applies in both cases. Each refusal says why.
 */
public final class CondaSelection {

  private static final Pattern PY_BUILD = Pattern.compile("(?<![a-z])py(\\d)(\\d{1,2})(?=_|h|$)");

  private final MirrorConfig.Conda config;
  private final Set<String> pkgList;
  private final Set<String> blacklist;
  private final Set<String> whitelist;

  public CondaSelection(MirrorConfig.Conda config) {
    this.config = config;
    this.pkgList = lower(config.pkgList());
    this.blacklist = lower(config.blacklist());
    this.whitelist = lower(config.whitelist());
  }

  private static Set<String> lower(List<String> names) {
    return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  /** Whether the subdirectory is mirrored at all (the seed: "evaluated before any other argument"). */
  public boolean platform(String subdir) {
    return config.platforms().isEmpty() || config.platforms().contains(subdir);
  }

  /** Empty when the record is mirrored; otherwise the reason it is not. */
  public Optional<String> exclusion(JsonObject record) {
    String name = text(record, "name").toLowerCase(Locale.ROOT);
    if (!pkgList.isEmpty()) {
      if (!pkgList.contains(name)) {
        return Optional.of("not in pkg_list");
      }
    } else if (!whitelist.contains(name)) {
      Optional<String> license = blacklistedLicense(record);
      if (license.isPresent()) {
        return Optional.of("license family " + license.get() + " is in license_blacklist");
      }
      if (blacklist.contains(name)) {
        return Optional.of("in blacklist");
      }
    }
    return pythonMismatch(record);
  }

  /**
   * Whether a file found only in the destination may be removed by a clean ({@code -c}) run: the
   * seed keeps packages the organization blacklisted.
   */
  public boolean blacklisted(JsonObject record) {
    String name = text(record, "name").toLowerCase(Locale.ROOT);
    return !whitelist.contains(name) && (blacklist.contains(name) || blacklistedLicense(record).isPresent());
  }

  private Optional<String> blacklistedLicense(JsonObject record) {
    if (config.licenseBlacklist().isEmpty()) {
      return Optional.empty();
    }
    String family = text(record, "license_family");
    String license = text(record, "license");
    for (String banned : config.licenseBlacklist()) {
      if (family.equalsIgnoreCase(banned) || (family.isEmpty() && licenseKey(license).startsWith(licenseKey(banned)) && !licenseKey(banned).isEmpty())) {
        return Optional.of(banned);
      }
    }
    return Optional.empty();
  }

  private static String licenseKey(String license) {
    return license.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }

  /** {@code python_versions}: a file built for another Python (build string {@code py311}, or {@code depends} on python's version) is left out. */
  private Optional<String> pythonMismatch(JsonObject record) {
    if (config.pythonVersions().isEmpty()) {
      return Optional.empty();
    }
    Matcher build = PY_BUILD.matcher(text(record, "build"));
    if (build.find()) {
      String built = build.group(1) + "." + build.group(2);
      if (config.pythonVersions().stream().noneMatch(v -> v.equals(built) || v.startsWith(built + "."))) {
        return Optional.of("built for Python " + built + ", not for " + String.join(" or ", config.pythonVersions()));
      }
    }
    for (String depend : depends(record)) {
      String[] parts = depend.strip().split("\\s+", 3);
      if (!parts[0].equalsIgnoreCase("python") || parts.length < 2) {
        continue;
      }
      String spec = parts[1];
      if (config.pythonVersions().stream().noneMatch(v -> satisfies(v, spec))) {
        return Optional.of("depends on python " + spec + ", which " + String.join(" or ", config.pythonVersions()) + " does not satisfy");
      }
    }
    return Optional.empty();
  }

  private static List<String> depends(JsonObject record) {
    JsonValue value = record.get("depends");
    if (!(value instanceof JsonArray array)) {
      return List.of();
    }
    return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
  }

  /**
   * Whether a Python version such as {@code 3.11} satisfies a conda version spec: {@code |} is or,
   * {@code ,} is and; {@code 3.11}, {@code 3.11.*}, {@code =3.11} match by prefix; {@code >=},
   * {@code <}, {@code ==}, {@code !=} compare in conda's order (3.12 is after 3.12.0a0).
   */
  static boolean satisfies(String version, String spec) {
    for (String alternative : spec.split("\\|")) {
      boolean all = true;
      for (String part : alternative.split(",")) {
        all &= part.isBlank() || constraint(version, part.strip());
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static boolean constraint(String version, String part) {
    Matcher m = Pattern.compile("(>=|<=|==|!=|~=|>|<|=)?(.+)").matcher(part);
    if (!m.matches()) {
      return true;
    }
    String op = m.group(1) == null ? "" : m.group(1);
    String target = m.group(2).strip();
    if (target.equals("*")) {
      return true;
    }
    boolean star = target.endsWith("*");
    String bare = target.replaceAll("\\.?\\*$", "");
    int c = VersionOrder.INSTANCE.compare(padded(version), padded(bare));
    return switch (op) {
      case "", "=" -> prefix(version, bare);
      case "==" -> star ? prefix(version, bare) : c == 0;
      case "!=" -> star ? !prefix(version, bare) : c != 0;
      case ">=", "~=" -> c >= 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      case "<" -> c < 0;
      default -> true;
    };
  }

  /** {@code 3.11} and {@code 3.11.0} are the same release; a missing third part is zero. */
  private static String padded(String version) {
    String v = version;
    long dots = v.chars().filter(ch -> ch == '.').count();
    if (v.matches("[0-9.]+")) {
      for (long i = dots; i < 2; i++) {
        v = v + ".0";
      }
    }
    return v;
  }

  private static boolean prefix(String version, String target) {
    return version.equals(target) || version.startsWith(target + ".") || target.startsWith(version + ".");
  }

  private static String text(JsonObject record, String key) {
    JsonValue value = record.get(key);
    return value instanceof JsonString s ? s.getString() : "";
  }
}
