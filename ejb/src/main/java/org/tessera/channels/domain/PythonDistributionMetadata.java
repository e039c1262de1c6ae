package org.tessera.channels.domain;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The core metadata of a wheel or an sdist ({@code METADATA} or {@code PKG-INFO}), checked against
 * the file name: PEP 427 wheel names and PEP 625 sdist names carry the project and version.
 *
 * @param wheelMetadata a wheel's {@code METADATA} file as read; null for sdists, whose metadata may be dynamic
 */
public record PythonDistributionMetadata(String filename, String name, String version, String requiresPython, List<String> requiresDist, String summary,
    byte[] wheelMetadata) implements PackageMetadata {

  private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

  /** PEP 503: lower case, runs of {@code -_.} become one dash. */
  public static String normalize(String project) {
    return SEPARATORS.matcher(project.strip()).replaceAll("-").toLowerCase(Locale.ROOT);
  }

  public static boolean isDistributionFilename(String filename) {
    return filename.endsWith(".whl") || filename.endsWith(".tar.gz") || filename.endsWith(".zip");
  }

  /** Checks the metadata against the file name: same normalized project, same version. */
  public static PythonDistributionMetadata of(String filename, String name, String version, String requiresPython, List<String> requiresDist, String summary) {
    if (name == null || name.isBlank() || version == null || version.isBlank()) {
      throw new PackageRejectedException(filename + " has no Name or Version in its metadata; build it with a PEP 517 build backend (pip wheel, python -m build).");
    }
    String stem = filename.endsWith(".whl") ? filename.substring(0, filename.length() - 4)
        : filename.endsWith(".tar.gz") ? filename.substring(0, filename.length() - 7) : filename.substring(0, filename.length() - 4);
    String[] parts = stem.split("-");
    boolean matches;
    if (filename.endsWith(".whl")) {
      matches = parts.length >= 5 && normalize(parts[0]).equals(normalize(name)) && parts[1].equals(version.replace('-', '_'));
    } else {
      int dash = stem.lastIndexOf('-');
      matches = dash > 0 && normalize(stem.substring(0, dash)).equals(normalize(name)) && stem.substring(dash + 1).equals(version);
    }
    if (!matches) {
      throw new PackageRejectedException("The file is named " + filename + " but its metadata describes " + name + " " + version
          + "; rename it as its build backend would (" + (filename.endsWith(".whl") ? "NAME-VERSION-PYTAG-ABITAG-PLATFORM.whl" : "NAME-VERSION.tar.gz") + ").");
    }
    return new PythonDistributionMetadata(filename, name.strip(), version.strip(), blankToNull(requiresPython), List.copyOf(requiresDist), blankToNull(summary), null);
  }

  /** The same, with the wheel's {@code METADATA} file as read from it. */
  public PythonDistributionMetadata withWheelMetadata(byte[] metadata) {
    return new PythonDistributionMetadata(filename, name, version, requiresPython, requiresDist, summary, metadata);
  }

  @Override
  public Optional<byte[]> coreMetadata() {
    return Optional.ofNullable(wheelMetadata);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Override
  public String subdir() {
    return normalize(name);
  }

  @Override
  public String build() {
    return null;
  }

  /** What the simple index and the package page show about the file. */
  @Override
  public String record(FileDigest digest) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("name", name).add("version", version).add("filename", filename)
        .add("packagetype", filename.endsWith(".whl") ? "bdist_wheel" : "sdist").add("size", digest.size())
        .add("sha256", digest.sha256()).add("md5", digest.md5());
    if (requiresPython != null) {
      json.add("requires_python", requiresPython);
    }
    if (summary != null) {
      json.add("summary", summary);
    }
    JsonArrayBuilder requires = Json.createArrayBuilder();
    requiresDist.forEach(requires::add);
    json.add("requires_dist", requires);
    StringWriter out = new StringWriter();
    try (var writer = Json.createWriter(out)) {
      writer.writeObject(json.build());
    }
    return out.toString();
  }
}
