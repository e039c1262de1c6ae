package org.tessera.channels.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.tessera.channels.application.DistributionFile;

/**
 * The simple repository API pages of a PyPI channel: PEP 503 HTML and PEP 691 JSON, at API
 * version 1.1 (PEP 700: file sizes, upload times and the project's versions), with PEP 592 yanking,
 * {@code Requires-Python}, and the PEP 658 / PEP 714 core metadata of wheels (in HTML under both
 * the current and the deprecated attribute name, which older pips read; in JSON under the current
 * name only). Pure rendering, so it is tested without a server.
 */
final class SimpleIndex {

  static final String API_VERSION = "1.1";
  static final String JSON_V1 = "application/vnd.pypi.simple.v1+json";
  static final String HTML_V1 = "application/vnd.pypi.simple.v1+html";
  static final String TEXT_HTML = "text/html";
  private static final DateTimeFormatter UPLOAD_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private SimpleIndex() {}

  /** The response formats, each with the media type it is sent as. */
  enum Format {
    JSON(JSON_V1),
    HTML(HTML_V1),
    LEGACY_HTML(TEXT_HTML);

    final String mediaType;

    Format(String mediaType) {
      this.mediaType = mediaType;
    }

    boolean isJson() {
      return this == JSON;
    }
  }

  /**
   * Picks the format as PyPI does: the {@code format} query parameter wins, then the
   * {@code Accept} header by quality (the server's order JSON, v1 HTML, text/html breaks ties);
   * no header means text/html. Empty when the client accepts none of them (406).
   */
  static Optional<Format> negotiate(String accept, String formatParameter) {
    String header = formatParameter != null && !formatParameter.isBlank() ? formatParameter : accept;
    if (header == null || header.isBlank()) {
      return Optional.of(Format.LEGACY_HTML);
    }
    Format best = null;
    double bestQuality = 0;
    for (String range : header.split(",")) {
      String[] parts = range.strip().split(";");
      String type = parts[0].strip().toLowerCase(Locale.ROOT);
      double quality = 1;
      for (int i = 1; i < parts.length; i++) {
        String parameter = parts[i].strip();
        if (parameter.startsWith("q=")) {
          try {
            quality = Double.parseDouble(parameter.substring(2).strip());
          } catch (NumberFormatException malformed) {
            quality = 0;
          }
        }
      }
      for (Format format : matching(type)) {
        if (quality > bestQuality || (quality == bestQuality && quality > 0 && best != null && format.ordinal() < best.ordinal())) {
          best = format;
          bestQuality = quality;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static List<Format> matching(String type) {
    return switch (type) {
      case JSON_V1, "application/vnd.pypi.simple.latest+json" -> List.of(Format.JSON);
      case HTML_V1, "application/vnd.pypi.simple.latest+html" -> List.of(Format.HTML);
      case TEXT_HTML, "text/*" -> List.of(Format.LEGACY_HTML);
      // Browsers and bare clients: PyPI answers text/html, never JSON, for a wildcard.
      case "*/*" -> List.of(Format.LEGACY_HTML);
      default -> List.of();
    };
  }

  /** The project list, {@code /simple/}; {@code projects} are normalized names. */
  static String projectList(Format format, List<String> projects) {
    if (format.isJson()) {
      JsonArrayBuilder list = Json.createArrayBuilder();
      projects.forEach(p -> list.add(Json.createObjectBuilder().add("name", p)));
      return Json.createObjectBuilder().add("meta", meta()).add("projects", list).build().toString();
    }
    StringBuilder html = head("Simple index");
    for (String project : projects) {
      html.append("    <a href=\"").append(escape(encodeSegment(project))).append("/\">").append(escape(project)).append("</a><br/>\n");
    }
    return html.append("  </body>\n</html>\n").toString();
  }

  /**
   * A project's page, {@code /simple/PROJECT/}.
   *
   * @param filesPath the path of the project's files, ending in a slash; each file's URL is it plus the encoded file name
   */
  static String project(Format format, String project, List<DistributionFile> files, String filesPath) {
    if (format.isJson()) {
      JsonArrayBuilder list = Json.createArrayBuilder();
      Set<String> versions = new LinkedHashSet<>();
      for (DistributionFile file : files) {
        versions.add(file.version());
        JsonObjectBuilder entry = Json.createObjectBuilder().add("filename", file.filename()).add("url", filesPath + encodeSegment(file.filename()))
            .add("hashes", Json.createObjectBuilder().add("sha256", file.sha256()));
        if (file.requiresPython() != null) {
          entry.add("requires-python", file.requiresPython());
        }
        if (file.coreMetadataSha256() != null) {
          // Only the PEP 714 name: pip 22.3 to 23.0 crash on a JSON "dist-info-metadata" object.
          entry.add("core-metadata", Json.createObjectBuilder().add("sha256", file.coreMetadataSha256()));
        }
        // PEP 691: a reason, or true when there is none; false while not yanked.
        if (file.yanked() == null) {
          entry.add("yanked", false);
        } else if (file.yanked().isBlank()) {
          entry.add("yanked", true);
        } else {
          entry.add("yanked", file.yanked());
        }
        entry.add("size", file.size());
        if (file.uploadedAt() != null) {
          entry.add("upload-time", UPLOAD_TIME.format(file.uploadedAt()));
        }
        list.add(entry);
      }
      JsonArrayBuilder versionList = Json.createArrayBuilder();
      versions.forEach(versionList::add);
      return Json.createObjectBuilder().add("meta", meta()).add("name", project).add("versions", versionList).add("files", list).build().toString();
    }
    StringBuilder html = head("Links for " + project);
    for (DistributionFile file : files) {
      html.append("    <a href=\"").append(escape(filesPath + encodeSegment(file.filename()) + "#sha256=" + file.sha256())).append('"');
      if (file.requiresPython() != null) {
        html.append(" data-requires-python=\"").append(escape(file.requiresPython())).append('"');
      }
      if (file.yanked() != null) {
        html.append(" data-yanked=\"").append(escape(file.yanked())).append('"');
      }
      if (file.coreMetadataSha256() != null) {
        html.append(" data-core-metadata=\"sha256=").append(escape(file.coreMetadataSha256())).append('"');
        html.append(" data-dist-info-metadata=\"sha256=").append(escape(file.coreMetadataSha256())).append('"');
      }
      html.append('>').append(escape(file.filename())).append("</a><br/>\n");
    }
    return html.append("  </body>\n</html>\n").toString();
  }

  private static JsonObjectBuilder meta() {
    return Json.createObjectBuilder().add("api-version", API_VERSION);
  }

  private static StringBuilder head(String title) {
    StringBuilder html = new StringBuilder(256);
    html.append("<!DOCTYPE html>\n<html>\n  <head>\n    <meta name=\"pypi:repository-version\" content=\"").append(API_VERSION).append("\">\n");
    html.append("    <title>").append(escape(title)).append("</title>\n  </head>\n  <body>\n    <h1>").append(escape(title)).append("</h1>\n");
    return html;
  }

  /** HTML text and attribute escaping: {@code & < > " '}. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A path segment with everything but unreserved characters percent-encoded ({@code +} of local versions included). */
  static String encodeSegment(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
