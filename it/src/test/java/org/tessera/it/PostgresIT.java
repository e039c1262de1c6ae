package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./tessera up --db postgresql://...} on a fresh data directory against a real PostgreSQL
 * 15 that this test starts (initdb, pg_ctl) on a loopback port and stops again.
 */
class PostgresIT {

  static final Path PG_BIN = Path.of("/usr/lib/postgresql/15/bin");
  static final int PG_PORT = Platform.port(-2568);

  static Path cluster;
  static Platform platform;

  @BeforeAll
  static void startPostgresAndTessera() throws Exception {
    cluster = Files.createTempDirectory("tessera-it-pg-");
    if (isRoot()) {
      run("chown", "postgres:postgres", cluster.toString());
    }
    asPostgres(PG_BIN.resolve("initdb").toString(), "-D", cluster.resolve("data").toString(), "-A", "trust", "-U", "postgres");
    asPostgres(PG_BIN.resolve("pg_ctl").toString(), "-D", cluster.resolve("data").toString(), "-l", cluster.resolve("server.log").toString(),
        "-o", "-p " + PG_PORT + " -k " + cluster + " -c listen_addresses=127.0.0.1", "-w", "start");
    psql("postgres", "CREATE ROLE tessera LOGIN PASSWORD 'it-secret'");
    psql("postgres", "CREATE DATABASE tessera OWNER tessera");

    platform = new Platform("tessera-home-pg", Platform.port(280), Platform.port(380), "postgresql://tessera:it-secret@127.0.0.1:" + PG_PORT + "/tessera");
    platform.up();
  }

  @AfterAll
  static void stopAll() throws Exception {
    if (platform != null) {
      platform.down();
    }
    if (cluster != null) {
      asPostgres(PG_BIN.resolve("pg_ctl").toString(), "-D", cluster.resolve("data").toString(), "-m", "fast", "-w", "stop");
      run("rm", "-rf", cluster.toString());
    }
  }

  @Test
  void tessera_runs_on_postgresql_with_the_migrated_schema() throws Exception {
    Http.Response ready = Http.get(platform.url() + "/api/v1/health/ready", null);

    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().at("/checks/0/detail").asText()).contains("PostgreSQL").containsPattern("schema version \\d+");
    assertThat(psql("tessera", "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")).contains("1");
  }

  @Test
  void audit_events_are_written_to_and_read_from_postgresql() throws Exception {
    String token = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());

    assertThat(Http.get(platform.url() + "/api/v1/me", token).status()).isEqualTo(200);
    Http.send("POST", platform.url() + "/api/v1/me", token, "{}");

    Http.Response audit = Http.get(platform.url() + "/api/v1/audit?action=api.post", token);
    assertThat(audit.json().get("total").asLong()).isPositive();
    assertThat(psql("tessera", "SELECT count(*) FROM audit_event WHERE action = 'identity.sign-in'").strip()).isNotEqualTo("0");
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static String psql(String database, String sql) throws Exception {
    return asPostgres(PG_BIN.resolve("psql").toString(), "-h", cluster.toString(), "-p", Integer.toString(PG_PORT), "-U", "postgres",
        "-d", database, "-tA", "-v", "ON_ERROR_STOP=1", "-c", sql);
  }

  private static String asPostgres(String... command) throws Exception {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    return run(full.toArray(String[]::new));
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }
}
