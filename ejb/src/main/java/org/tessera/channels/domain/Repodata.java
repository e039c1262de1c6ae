package org.tessera.channels.domain;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One platform subdirectory's {@code repodata.json}: the records of its {@code .tar.bz2} files
 * under {@code packages} and of its {@code .conda} files under {@code packages.conda}, sorted by
 * file name. Records are kept as JSON text, so a change to one file re-renders without re-reading
 * the others.
 */
public final class Repodata {

  private final String subdir;
  private final SortedMap<String, String> tarBz2 = new TreeMap<>();
  private final SortedMap<String, String> conda = new TreeMap<>();

  public Repodata(String subdir) {
    this.subdir = subdir;
  }

  public String subdir() {
    return subdir;
  }

  public synchronized void put(String filename, String record) {
    (filename.endsWith(".conda") ? conda : tarBz2).put(filename, record);
  }

  public synchronized void remove(String filename) {
    (filename.endsWith(".conda") ? conda : tarBz2).remove(filename);
  }

  public synchronized int size() {
    return tarBz2.size() + conda.size();
  }

  /** The document conda, mamba and rattler read, as UTF-8. */
  public synchronized byte[] render() {
    StringBuilder json = new StringBuilder(256 + 700 * size());
    json.append("{\"info\":{\"subdir\":").append(quote(subdir)).append("},\"packages\":{");
    appendRecords(json, tarBz2);
    json.append("},\"packages.conda\":{");
    appendRecords(json, conda);
    json.append("},\"removed\":[],\"repodata_version\":1}");
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** An empty subdirectory: what a platform without packages serves. */
  public static byte[] empty(String subdir) {
    return new Repodata(subdir).render();
  }

  private static void appendRecords(StringBuilder json, Map<String, String> records) {
    boolean first = true;
    for (Map.Entry<String, String> e : records.entrySet()) {
      if (!first) {
        json.append(',');
      }
      first = false;
      json.append(quote(e.getKey())).append(':').append(e.getValue());
    }
  }

  private static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
