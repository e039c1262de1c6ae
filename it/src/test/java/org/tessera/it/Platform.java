package org.tessera.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A whole Tessera (Keycloak with the imported realm, WildFly with the EAR, a database) started by
 * the real launcher in its own data directory and ports, so that it never meets a developer's
 * running instance. {@link #shared()} is the H2 platform most tests use; it is stopped when the
 * test JVM ends.
 */
final class Platform {

  static final String APPS_DOMAIN = "apps.tessera.test";

  private static Platform shared;
  private static AssertionError sharedFailure;

  private final Path home;
  private final int httpPort;
  private final int keycloakPort;
  private final String db;
  private Properties secrets;

  /** Ports are {@code base + offset}; see the it module's {@code tessera.it.port-base}. */
  static int port(int offset) {
    return Integer.getInteger("tessera.it.port-base", 28000) + offset;
  }

  Platform(String name, int httpPort, int keycloakPort, String db) {
    this.home = Launcher.IT_DIR.resolve(name);
    this.httpPort = httpPort;
    this.keycloakPort = keycloakPort;
    this.db = db;
  }

  /** The H2 platform shared by the test classes, started on first use. */
  static synchronized Platform shared() {
    if (sharedFailure != null) {
      throw sharedFailure;
    }
    if (shared == null) {
      Platform platform = new Platform("tessera-home", port(80), port(180), "h2");
      Runtime.getRuntime().addShutdownHook(new Thread(platform::down));
      try {
        platform.up();
      } catch (AssertionError e) {
        sharedFailure = e;
        throw e;
      }
      shared = platform;
    }
    return shared;
  }

  /** The launcher's environment for this platform. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("TESSERA_HOME", home.toString());
    env.put("TESSERA_HTTP_PORT", Integer.toString(httpPort));
    env.put("TESSERA_KEYCLOAK_PORT", Integer.toString(keycloakPort));
    env.put("TESSERA_DB", db);
    env.put("TESSERA_SKIP_BUILD", "1");
    // Deployments answer under {name}.apps.tessera.test too (tests send the Host header themselves).
    env.put("TESSERA_APPS_DOMAIN", APPS_DOMAIN);
    env.put("TESSERA_CONFIG_DIR", home.resolve("cli-config").toString());
    return env;
  }

  Launcher.Result launcher(Duration timeout, String... args) {
    return Launcher.run(env(), timeout, null, args);
  }

  void up() {
    Launcher.Result result = launcher(Duration.ofMinutes(10), "up");
    if (result.exitCode() != 0) {
      throw new AssertionError("./tessera up failed:\n" + result.output());
    }
    secrets = null;
  }

  void down() {
    launcher(Duration.ofMinutes(2), "down");
  }

  Path home() {
    return home;
  }

  String url() {
    return "http://localhost:" + httpPort;
  }

  int keycloakPort() {
    return keycloakPort;
  }

  int httpPort() {
    return httpPort;
  }

  String keycloakUrl() {
    return "http://localhost:" + keycloakPort + "/auth";
  }

  String realmUrl() {
    return keycloakUrl() + "/realms/tessera";
  }

  String adminUsername() {
    return secret("TESSERA_ADMIN_USERNAME");
  }

  String adminPassword() {
    return secret("TESSERA_ADMIN_PASSWORD");
  }

  /** The Keycloak master-realm administrator that up bootstrapped. */
  String keycloakAdminUsername() {
    return secret("KC_BOOTSTRAP_ADMIN_USERNAME");
  }

  String keycloakAdminPassword() {
    return secret("KC_BOOTSTRAP_ADMIN_PASSWORD");
  }

  private synchronized String secret(String name) {
    if (secrets == null) {
      secrets = new Properties();
      try (var in = Files.newBufferedReader(home.resolve("secrets/admin.env"))) {
        secrets.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return secrets.getProperty(name);
  }
}
