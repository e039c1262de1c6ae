package org.tessera.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./tessera} as a user would, with a given environment, and captures its output. */
final class Launcher {

  static final Path ROOT = Path.of(System.getProperty("tessera.root", "..")).toAbsolutePath().normalize();
  static final Path IT_DIR = Path.of(System.getProperty("tessera.it.dir", "target")).toAbsolutePath().normalize();

  private Launcher() {}

  /** What a command printed (stdout and stderr together) and how it ended. */
  record Result(int exitCode, String output) {}

  static Result run(Map<String, String> env, Duration timeout, String stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("tessera").toString());
    command.addAll(List.of(args));
    try {
      Path log = Files.createTempFile(IT_DIR, "launcher-", ".log");
      ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      if (stdin != null) {
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("./tessera " + String.join(" ", args) + " did not finish within " + timeout + ":\n" + Files.readString(log));
      }
      String output = Files.readString(log);
      Files.delete(log);
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new AssertionError("Could not run ./tessera: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
