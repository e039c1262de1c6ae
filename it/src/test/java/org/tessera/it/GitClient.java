package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real git command line, with no global configuration and no prompts. */
final class GitClient {

  private GitClient() {}

  /** Runs git in {@code dir} with {@code home} as HOME; returns exit code and output. */
  static Launcher.Result run(Path home, Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=IT", "-c", "user.email=it@example.org", "-c", "init.defaultBranch=main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().put("HOME", home.toString());
    builder.environment().put("GIT_TERMINAL_PROMPT", "0");
    builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Launcher.Result(process.exitValue(), output);
  }

  /** {@code gitUrl} with the user and token in it, as a scripted clone would use. */
  static String withCredentials(String gitUrl, String user, String token) {
    return gitUrl.replace("http://", "http://" + user + ":" + token + "@");
  }
}
