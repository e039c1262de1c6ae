package org.tessera.channels.domain;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A conda package's {@code info/index.json}, checked against the file's name: the name, version
 * and build of {@code NAME-VERSION-BUILD.tar.bz2} (or {@code .conda}) must be the ones inside.
 */
public final class CondaPackageMetadata implements PackageMetadata {

  /** The platforms conda knows; a package claiming another subdir is refused. */
  public static final Set<String> SUBDIRS = Set.of("noarch", "linux-32", "linux-64", "linux-aarch64", "linux-armv6l", "linux-armv7l",
      "linux-ppc64", "linux-ppc64le", "linux-riscv64", "linux-s390x", "osx-64", "osx-arm64", "win-32", "win-64", "win-arm64",
      "zos-z", "emscripten-wasm32", "wasi-wasm32", "freebsd-64");

  private final String filename;
  private final JsonObject index;

  private CondaPackageMetadata(String filename, JsonObject index) {
    this.filename = filename;
    this.index = index;
  }

  /** Whether the name ends as a conda package does. */
  public static boolean isCondaFilename(String filename) {
    return filename.endsWith(".tar.bz2") || filename.endsWith(".conda");
  }

  /** The file name without its {@code .tar.bz2} or {@code .conda} extension. */
  public static String stem(String filename) {
    return filename.endsWith(".tar.bz2") ? filename.substring(0, filename.length() - 8) : filename.substring(0, filename.length() - 6);
  }

  /** Checks {@code index.json} and that it agrees with the file name. */
  public static CondaPackageMetadata of(String filename, JsonObject index) {
    String name = requiredString(index, "name");
    String version = requiredString(index, "version");
    String build = requiredString(index, "build");
    String subdir = requiredString(index, "subdir");
    if (!SUBDIRS.contains(subdir)) {
      throw new PackageRejectedException("info/index.json names the platform '" + subdir + "', which conda does not know; use one of " + new java.util.TreeSet<>(SUBDIRS) + ".");
    }
    if (!(index.get("build_number") instanceof JsonNumber)) {
      throw new PackageRejectedException("info/index.json has no numeric build_number; rebuild the package with conda-build or rattler-build.");
    }
    String expected = name + "-" + version + "-" + build;
    if (!stem(filename).equals(expected)) {
      throw new PackageRejectedException("The file is named " + filename + " but its info/index.json describes " + expected
          + "; upload it under the name " + expected + (filename.endsWith(".conda") ? ".conda" : ".tar.bz2") + ".");
    }
    return new CondaPackageMetadata(filename, index);
  }

  private static String requiredString(JsonObject index, String key) {
    JsonValue value = index.get(key);
    if (!(value instanceof JsonString s) || s.getString().isBlank() || s.getString().contains("/") || s.getString().contains("\\")) {
      throw new PackageRejectedException("info/index.json has no valid '" + key + "'; a conda package needs name, version, build, build_number and subdir.");
    }
    return s.getString();
  }

  @Override
  public String subdir() {
    return index.getString("subdir");
  }

  @Override
  public String filename() {
    return filename;
  }

  @Override
  public String name() {
    return index.getString("name");
  }

  @Override
  public String version() {
    return index.getString("version");
  }

  @Override
  public String build() {
    return index.getString("build");
  }

  /** index.json plus size and checksums, keys sorted as conda-index writes them. */
  @Override
  public String record(FileDigest digest) {
    return record(index, digest);
  }

  /** A repodata record: the given fields with the file's size and checksums, keys sorted as conda-index writes them. */
  public static String record(JsonObject fields, FileDigest digest) {
    Map<String, JsonValue> sorted = new TreeMap<>(fields);
    sorted.put("md5", Json.createValue(digest.md5()));
    sorted.put("sha256", Json.createValue(digest.sha256()));
    sorted.put("size", Json.createValue(digest.size()));
    JsonObjectBuilder builder = Json.createObjectBuilder();
    sorted.forEach(builder::add);
    StringWriter out = new StringWriter();
    try (var writer = Json.createWriter(out)) {
      writer.writeObject(builder.build());
    }
    return out.toString();
  }
}
