package org.tessera.channels.infrastructure;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tessera.channels.domain.PypiSelection;

/**
 * Reads upstream indexes: a conda subdirectory's {@code repodata.json} ({@code packages} and
 * {@code packages.conda}), and PyPI simple pages as PEP 691 JSON or, failing that, PEP 503 HTML
 * (hashes from the {@code #sha256=} fragment, yanked from {@code data-yanked}).
 */
public final class UpstreamIndexes {

  public static final String PEP691 = "application/vnd.pypi.simple.v1+json";
  public static final String ACCEPT_SIMPLE = PEP691 + ", text/html;q=0.1";

  private static final Pattern ANCHOR = Pattern.compile("<a\\s+([^>]*)>(.*?)</a>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");

  private UpstreamIndexes() {}

  /** File name → record, {@code .tar.bz2} and {@code .conda} alike. */
  public static Map<String, JsonObject> repodata(byte[] json, URI where) throws IOException {
    JsonObject root = object(json, where);
    Map<String, JsonObject> records = new LinkedHashMap<>();
    for (String key : List.of("packages", "packages.conda")) {
      JsonValue section = root.get(key);
      if (section instanceof JsonObject packages) {
        packages.forEach((filename, record) -> {
          if (record instanceof JsonObject r) {
            records.put(filename, r);
          }
        });
      }
    }
    return records;
  }

  /** The links of a project page. */
  public static List<PypiSelection.Link> projectPage(Upstream.Document page) throws IOException {
    List<PypiSelection.Link> links = new ArrayList<>();
    if (isJson(page)) {
      JsonObject root = object(page.body(), page.uri());
      if (root.get("files") instanceof jakarta.json.JsonArray files) {
        for (JsonValue value : files) {
          if (value instanceof JsonObject file && file.get("filename") instanceof JsonString name && file.get("url") instanceof JsonString url) {
            String sha256 = file.get("hashes") instanceof JsonObject hashes && hashes.get("sha256") instanceof JsonString h ? h.getString().toLowerCase(Locale.ROOT) : null;
            JsonValue yanked = file.get("yanked");
            boolean isYanked = yanked != null && yanked != JsonValue.FALSE && yanked != JsonValue.NULL;
            links.add(new PypiSelection.Link(name.getString(), page.uri().resolve(url.getString()).toString(), sha256, isYanked));
          }
        }
      }
      return links;
    }
    for (Anchor anchor : anchors(page)) {
      String href = anchor.attributes().get("href");
      if (href == null) {
        continue;
      }
      String sha256 = null;
      int hash = href.indexOf('#');
      if (hash >= 0) {
        String fragment = href.substring(hash + 1);
        if (fragment.startsWith("sha256=")) {
          sha256 = fragment.substring(7).toLowerCase(Locale.ROOT);
        }
        href = href.substring(0, hash);
      }
      String filename = anchor.text().strip();
      links.add(new PypiSelection.Link(filename, page.uri().resolve(href).toString(), sha256, anchor.attributes().containsKey("data-yanked")));
    }
    return links;
  }

  /** The project names of a whole simple index ({@code /simple/}). */
  public static List<String> projects(Upstream.Document index) throws IOException {
    List<String> names = new ArrayList<>();
    if (isJson(index)) {
      JsonObject root = object(index.body(), index.uri());
      if (root.get("projects") instanceof jakarta.json.JsonArray projects) {
        for (JsonValue value : projects) {
          if (value instanceof JsonObject p && p.get("name") instanceof JsonString name) {
            names.add(name.getString());
          }
        }
      }
      return names;
    }
    for (Anchor anchor : anchors(index)) {
      names.add(unescape(anchor.text().strip()));
    }
    return names;
  }

  private record Anchor(Map<String, String> attributes, String text) {}

  private static List<Anchor> anchors(Upstream.Document page) {
    String html = new String(page.body(), StandardCharsets.UTF_8);
    List<Anchor> anchors = new ArrayList<>();
    Matcher m = ANCHOR.matcher(html);
    while (m.find()) {
      Map<String, String> attributes = new LinkedHashMap<>();
      Matcher a = ATTRIBUTE.matcher(m.group(1));
      while (a.find()) {
        attributes.put(a.group(1).toLowerCase(Locale.ROOT), unescape(a.group(3) != null ? a.group(3) : a.group(4)));
      }
      Matcher bare = Pattern.compile("(?:^|\\s)(data-yanked)(?:\\s|$)").matcher(m.group(1));
      if (bare.find()) {
        attributes.putIfAbsent("data-yanked", "");
      }
      anchors.add(new Anchor(attributes, unescape(m.group(2).replaceAll("<[^>]*>", ""))));
    }
    return anchors;
  }

  private static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

  private static boolean isJson(Upstream.Document page) {
    if (page.contentType() != null) {
      return page.contentType().contains("json");
    }
    for (byte b : page.body()) {
      if (!Character.isWhitespace(b)) {
        return b == '{';
      }
    }
    return false;
  }

  private static JsonObject object(byte[] json, URI where) throws IOException {
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new IOException(where + " is not a JSON object: " + e.getMessage());
    }
  }
}
