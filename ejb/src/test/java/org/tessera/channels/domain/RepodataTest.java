package org.tessera.channels.domain;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class RepodataTest {

  @Test
  void puts_tar_bz2_and_conda_records_in_their_sections() {
    Repodata repodata = new Repodata("linux-64");
    repodata.put("b-1.0-0.tar.bz2", "{\"name\":\"b\"}");
    repodata.put("a-1.0-0.conda", "{\"name\":\"a\"}");
    repodata.put("a-1.0-0.tar.bz2", "{\"name\":\"a\"}");
    repodata.remove("b-1.0-0.tar.bz2");

    JsonObject json = Json.createReader(new ByteArrayInputStream(repodata.render())).readObject();
    assertThat(json.getJsonObject("info").getString("subdir")).isEqualTo("linux-64");
    assertThat(json.getJsonObject("packages").keySet()).containsExactly("a-1.0-0.tar.bz2");
    assertThat(json.getJsonObject("packages.conda").keySet()).containsExactly("a-1.0-0.conda");
    assertThat(json.getInt("repodata_version")).isEqualTo(1);
  }

  @Test
  void an_empty_subdir_is_a_valid_index() {
    JsonObject json = Json.createReader(new ByteArrayInputStream(Repodata.empty("noarch"))).readObject();
    assertThat(json.getJsonObject("packages")).isEmpty();
    assertThat(json.getJsonObject("packages.conda")).isEmpty();
  }
}
