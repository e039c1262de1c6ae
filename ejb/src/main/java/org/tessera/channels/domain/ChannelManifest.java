package org.tessera.channels.domain;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The table of contents of a channel archive ({@code manifest.json}, the archive's first entry):
 * the channel's name and type, and for every file its path in the channel, size, checksums and
 * index record. An import trusts nothing in the archive that this does not vouch for: each file is
 * checked against its entry, and a path that is not one a channel can hold is refused.
 */
public record ChannelManifest(String channel, ChannelType type, Instant exportedAt, List<Entry> files) {

  public static final String FORMAT = "tessera-channel-archive";
  public static final int VERSION = 1;
  public static final String MANIFEST = "manifest.json";
  public static final String FILES = "files/";

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern PYPI_PROJECT = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
  private static final Pattern FILENAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+!-]*");

  /** One file: {@code subdir/filename} in the channel, with what the index says about it. */
  public record Entry(String subdir, String filename, long size, String sha256, String md5, String record) {
    public String path() {
      return subdir + "/" + filename;
    }

    /** The entry's name in the archive. */
    public String archiveName() {
      return FILES + path();
    }
  }

  public byte[] render() {
    JsonArrayBuilder files = Json.createArrayBuilder();
    for (Entry e : this.files) {
      JsonObject record;
      try (JsonReader reader = Json.createReader(new StringReader(e.record()))) {
        record = reader.readObject();
      }
      files.add(Json.createObjectBuilder().add("path", e.path()).add("size", e.size()).add("sha256", e.sha256()).add("md5", e.md5()).add("record", record));
    }
    JsonObject json = Json.createObjectBuilder().add("format", FORMAT).add("version", VERSION).add("channel", channel).add("type", type.pathSegment())
        .add("exportedAt", exportedAt.toString()).add("files", files).build();
    StringWriter out = new StringWriter();
    try (var writer = Json.createWriter(out)) {
      writer.writeObject(json);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Reads and checks a manifest; every problem is a {@link ChannelArchiveRejectedException}. */
  public static ChannelManifest parse(byte[] bytes) {
    JsonObject json;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
      json = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw rejected("its manifest.json is not a JSON object");
    }
    if (!FORMAT.equals(string(json, "format")) || !(json.get("version") instanceof JsonNumber n) || n.intValue() != VERSION) {
      throw rejected("its manifest.json is not a " + FORMAT + " version " + VERSION);
    }
    String channel;
    try {
      channel = Channel.validName(string(json, "channel"));
    } catch (InvalidChannelRequestException e) {
      throw rejected("the manifest's channel name is not valid (" + e.getMessage() + ")");
    }
    ChannelType type = ChannelType.parse(string(json, "type")).orElseThrow(() -> rejected("the manifest's type is neither conda nor pypi"));
    Instant exportedAt;
    try {
      exportedAt = Instant.parse(string(json, "exportedAt"));
    } catch (RuntimeException e) {
      throw rejected("the manifest has no valid exportedAt");
    }
    if (!(json.get("files") instanceof jakarta.json.JsonArray array)) {
      throw rejected("the manifest lists no files");
    }
    Set<String> seen = new HashSet<>();
    List<Entry> entries = new java.util.ArrayList<>();
    for (JsonValue value : array) {
      if (!(value instanceof JsonObject file)) {
        throw rejected("an entry of the manifest's files is not an object");
      }
      String path = string(file, "path");
      Entry entry = entry(type, path, file);
      if (!seen.add(entry.path())) {
        throw rejected("the manifest lists " + path + " twice");
      }
      entries.add(entry);
    }
    return new ChannelManifest(channel, type, exportedAt, List.copyOf(entries));
  }

  private static Entry entry(ChannelType type, String path, JsonObject file) {
    String[] parts = path.split("/", -1);
    if (parts.length != 2 || !FILENAME.matcher(parts[1]).matches() || parts[1].contains("..")) {
      throw rejected("the manifest names the path '" + path + "', which is not SUBDIR/FILENAME inside a channel");
    }
    boolean subdirOk = type == ChannelType.CONDA ? CondaPackageMetadata.SUBDIRS.contains(parts[0]) : PYPI_PROJECT.matcher(parts[0]).matches();
    boolean fileOk = type == ChannelType.CONDA ? CondaPackageMetadata.isCondaFilename(parts[1]) : PythonDistributionMetadata.isDistributionFilename(parts[1]);
    if (!subdirOk || !fileOk) {
      throw rejected("the manifest names '" + path + "', which a " + type.pathSegment() + " channel cannot hold");
    }
    if (!(file.get("size") instanceof JsonNumber size) || size.longValue() < 0) {
      throw rejected("the manifest gives no size for " + path);
    }
    String sha256 = string(file, "sha256");
    String md5 = string(file, "md5");
    if (!SHA256.matcher(sha256).matches() || !MD5.matcher(md5).matches()) {
      throw rejected("the manifest gives no valid sha256 and md5 for " + path);
    }
    if (!(file.get("record") instanceof JsonObject record)) {
      throw rejected("the manifest gives no index record for " + path);
    }
    StringWriter out = new StringWriter();
    try (var writer = Json.createWriter(out)) {
      writer.writeObject(record);
    }
    return new Entry(parts[0], parts[1], size.longValue(), sha256, md5, out.toString());
  }

  private static String string(JsonObject json, String key) {
    return json.get(key) instanceof JsonString s ? s.getString() : "";
  }

  private static ChannelArchiveRejectedException rejected(String why) {
    return new ChannelArchiveRejectedException("The archive was refused because " + why + "; nothing was imported. Export the channel again with "
        + "tessera channels export and import that file unchanged.");
  }

  /** The same refusal wording for problems found while reading the archive's entries. */
  public static ChannelArchiveRejectedException refusal(String why) {
    return rejected(why);
  }
}
