package org.tessera.channels.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tessera.channels.domain.PypiSelection;

class UpstreamIndexesTest {

  private static Upstream.Document doc(String body, String type, String uri) {
    return new Upstream.Document(body.getBytes(StandardCharsets.UTF_8), type, URI.create(uri));
  }

  @Test
  void repodataReadsBothSections() throws Exception {
    var records = UpstreamIndexes.repodata("""
        {"info":{"subdir":"noarch"},"packages":{"a-1-0.tar.bz2":{"name":"a"}},"packages.conda":{"b-1-0.conda":{"name":"b"}}}""".getBytes(StandardCharsets.UTF_8),
        URI.create("file:///x/noarch/repodata.json"));
    assertThat(records).containsOnlyKeys("a-1-0.tar.bz2", "b-1-0.conda");
  }

  @Test
  void pep691JsonPagesGiveHashesAndYanked() throws Exception {
    var links = UpstreamIndexes.projectPage(doc("""
        {"meta":{"api-version":"1.1"},"name":"six","files":[
          {"filename":"six-1.0.tar.gz","url":"../../files/six-1.0.tar.gz","hashes":{"sha256":"ABCD"}},
          {"filename":"six-0.9.tar.gz","url":"https://x/six-0.9.tar.gz","hashes":{},"yanked":"broken"}]}""", UpstreamIndexes.PEP691, "https://idx/simple/six/"));
    assertThat(links).containsExactly(new PypiSelection.Link("six-1.0.tar.gz", "https://idx/files/six-1.0.tar.gz", "abcd", false),
        new PypiSelection.Link("six-0.9.tar.gz", "https://x/six-0.9.tar.gz", null, true));
  }

  @Test
  void pep503HtmlPagesGiveHashFragmentsAndYanked() throws Exception {
    var links = UpstreamIndexes.projectPage(doc("""
        <!DOCTYPE html><html><body>
        <a href="../../packages/six-1.0-py3-none-any.whl#sha256=beef" data-requires-python="&gt;=3.8">six-1.0-py3-none-any.whl</a><br/>
        <a href='six-0.9.tar.gz' data-yanked>six-0.9.tar.gz</a>
        </body></html>""", "text/html", "http://127.0.0.1/simple/six/"));
    assertThat(links).containsExactly(new PypiSelection.Link("six-1.0-py3-none-any.whl", "http://127.0.0.1/packages/six-1.0-py3-none-any.whl", "beef", false),
        new PypiSelection.Link("six-0.9.tar.gz", "http://127.0.0.1/simple/six/six-0.9.tar.gz", null, true));
  }

  @Test
  void theRootIndexListsProjectsInBothForms() throws Exception {
    assertThat(UpstreamIndexes.projects(doc("{\"projects\":[{\"name\":\"six\"},{\"name\":\"attrs\"}]}", null, "file:///s/"))).containsExactly("six", "attrs");
    assertThat(UpstreamIndexes.projects(doc("<html><a href=\"six/\">six</a><a href=\"a-b/\">A_B</a></html>", "text/html", "http://x/simple/")))
        .containsExactly("six", "A_B");
  }
}
