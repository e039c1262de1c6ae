package org.tessera.channels.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tessera.channels.application.DistributionFile;
import org.tessera.channels.web.SimpleIndex.Format;

class SimpleIndexTest {

  static final String SHA = "a".repeat(64);
  static final Instant UPLOADED = Instant.parse("2026-03-01T10:15:30.123456Z");
  static final String FILES = "/repository/pypi/ml/files/my-lib/";

  static DistributionFile file(String filename, String version, String requiresPython, String yanked) {
    return new DistributionFile("my-lib", filename, version, 1234, SHA, requiresPython, yanked, UPLOADED, null);
  }

  static JsonObject parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  @Test
  void no_accept_header_and_wildcards_get_text_html_as_on_pypi() {
    assertThat(SimpleIndex.negotiate(null, null)).contains(Format.LEGACY_HTML);
    assertThat(SimpleIndex.negotiate("*/*", null)).contains(Format.LEGACY_HTML);
    assertThat(SimpleIndex.negotiate("text/html", null)).contains(Format.LEGACY_HTML);
  }

  @Test
  void the_json_form_is_chosen_by_quality_and_wins_ties() {
    assertThat(SimpleIndex.negotiate("application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01", null)).contains(Format.JSON);
    assertThat(SimpleIndex.negotiate("text/html, application/vnd.pypi.simple.v1+json", null)).contains(Format.JSON);
    assertThat(SimpleIndex.negotiate("application/vnd.pypi.simple.v1+json;q=0.1, application/vnd.pypi.simple.v1+html", null)).contains(Format.HTML);
    assertThat(SimpleIndex.negotiate("application/vnd.pypi.simple.latest+json", null)).contains(Format.JSON);
  }

  @Test
  void the_format_parameter_overrides_the_accept_header() {
    assertThat(SimpleIndex.negotiate("text/html", "application/vnd.pypi.simple.v1+json")).contains(Format.JSON);
  }

  @Test
  void unknown_or_refused_types_are_not_acceptable() {
    assertThat(SimpleIndex.negotiate("application/json", null)).isEmpty();
    assertThat(SimpleIndex.negotiate("application/vnd.pypi.simple.v1+json;q=0", null)).isEmpty();
    assertThat(SimpleIndex.negotiate("text/html;q=abc", null)).isEmpty();
  }

  @Test
  void html_links_carry_the_sha256_requires_python_escaped_and_yanked_reason() {
    String html = SimpleIndex.project(Format.HTML, "my-lib", List.of(file("my_lib-1.0-py3-none-any.whl", "1.0", ">=3.8,<4", null),
        file("my_lib-1.1-py3-none-any.whl", "1.1", null, "broken \"build\" <x>")), FILES);

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta name=\"pypi:repository-version\" content=\"1.1\">").contains("<title>Links for my-lib</title>");
    assertThat(html).contains("<a href=\"/repository/pypi/ml/files/my-lib/my_lib-1.0-py3-none-any.whl#sha256=" + SHA + "\" data-requires-python=\"&gt;=3.8,&lt;4\">"
        + "my_lib-1.0-py3-none-any.whl</a><br/>");
    assertThat(html).contains("#sha256=" + SHA + "\" data-yanked=\"broken &quot;build&quot; &lt;x&gt;\">my_lib-1.1-py3-none-any.whl</a>");
    assertThat(html.lines().filter(l -> l.contains("my_lib-1.0")).findFirst().orElseThrow()).doesNotContain("data-yanked");
  }

  @Test
  void file_names_are_percent_encoded_in_urls_and_escaped_in_text() {
    String html = SimpleIndex.project(Format.LEGACY_HTML, "my-lib", List.of(file("my_lib-1.0+local-py3-none-any.whl", "1.0+local", null, null)), FILES);

    assertThat(html).contains("href=\"" + FILES + "my_lib-1.0%2Blocal-py3-none-any.whl#sha256=").contains(">my_lib-1.0+local-py3-none-any.whl</a>");
  }

  @Test
  void the_project_list_links_each_normalized_name() {
    String html = SimpleIndex.projectList(Format.LEGACY_HTML, List.of("my-lib", "x<y"));
    assertThat(html).contains("<a href=\"my-lib/\">my-lib</a><br/>").contains("<a href=\"x%3Cy/\">x&lt;y</a>");

    JsonObject json = parse(SimpleIndex.projectList(Format.JSON, List.of("my-lib", "other")));
    assertThat(json.getJsonObject("meta").getString("api-version")).isEqualTo("1.1");
    assertThat(json.getJsonArray("projects").getJsonObject(1).getString("name")).isEqualTo("other");
  }

  @Test
  void json_files_have_hashes_requires_python_yanked_size_and_upload_time() {
    JsonObject json = parse(SimpleIndex.project(Format.JSON, "my-lib", List.of(file("my_lib-1.0-py3-none-any.whl", "1.0", ">=3.8", null),
        file("my_lib-1.0.tar.gz", "1.0", null, ""), file("my_lib-1.1-py3-none-any.whl", "1.1", null, "security hole")), FILES));

    assertThat(json.getJsonObject("meta").getString("api-version")).isEqualTo("1.1");
    assertThat(json.getString("name")).isEqualTo("my-lib");
    assertThat(json.getJsonArray("versions").getValuesAs(jakarta.json.JsonString::getString)).containsExactly("1.0", "1.1");
    JsonObject first = json.getJsonArray("files").getJsonObject(0);
    assertThat(first.getString("filename")).isEqualTo("my_lib-1.0-py3-none-any.whl");
    assertThat(first.getString("url")).isEqualTo(FILES + "my_lib-1.0-py3-none-any.whl");
    assertThat(first.getJsonObject("hashes").getString("sha256")).isEqualTo(SHA);
    assertThat(first.getString("requires-python")).isEqualTo(">=3.8");
    assertThat(first.getBoolean("yanked")).isFalse();
    assertThat(first.getJsonNumber("size").longValue()).isEqualTo(1234);
    assertThat(first.getString("upload-time")).isEqualTo("2026-03-01T10:15:30.123456Z");
    JsonObject sdist = json.getJsonArray("files").getJsonObject(1);
    assertThat(sdist.containsKey("requires-python")).isFalse();
    assertThat(sdist.getBoolean("yanked")).isTrue();
    assertThat(json.getJsonArray("files").getJsonObject(2).getString("yanked")).isEqualTo("security hole");
  }

  @Test
  void wheels_with_core_metadata_announce_its_hash_under_both_html_names_and_the_json_one() {
    String metadataSha = "ab".repeat(32);
    DistributionFile wheel = new DistributionFile("my-lib", "my_lib-1.0-py3-none-any.whl", "1.0", 1234, SHA, null, null, UPLOADED, metadataSha);

    String html = SimpleIndex.project(Format.HTML, "my-lib", List.of(wheel, file("my_lib-1.0.tar.gz", "1.0", null, null)), FILES);
    assertThat(html).contains("#sha256=" + SHA + "\" data-core-metadata=\"sha256=" + metadataSha + "\" data-dist-info-metadata=\"sha256=" + metadataSha + "\">");
    assertThat(html.lines().filter(l -> l.contains("tar.gz")).findFirst().orElseThrow()).doesNotContain("metadata");

    JsonObject json = parse(SimpleIndex.project(Format.JSON, "my-lib", List.of(wheel), FILES));
    JsonObject entry = json.getJsonArray("files").getJsonObject(0);
    assertThat(entry.getJsonObject("core-metadata").getString("sha256")).isEqualTo(metadataSha);
    assertThat(entry.containsKey("dist-info-metadata")).as("pip 22.3 to 23.0 crash on it").isFalse();
  }

  @Test
  void escape_covers_html_specials() {
    assertThat(SimpleIndex.escape("<a href='x'>&\"</a>")).isEqualTo("&lt;a href=&#x27;x&#x27;&gt;&amp;&quot;&lt;/a&gt;");
  }

  @Test
  void reason_phrases_for_twine_are_one_line_of_ascii() {
    assertThat(PypiIndexServlet.reasonPhrase("File exists\r\nin « channel »")).isEqualTo("File exists  in   channel");
    assertThat(PypiIndexServlet.reasonPhrase("x".repeat(500))).hasSize(400).endsWith("...");
  }
}
