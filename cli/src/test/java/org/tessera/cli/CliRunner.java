package org.tessera.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.tessera.cli.client.FakeTime;

/** Runs {@code tessera} in-process against a temporary config directory and captures what it prints. */
final class CliRunner {

    /** The outcome of one run. */
    record Result(int exitCode, String out, String err) {
    }

    private final Map<String, String> env = new HashMap<>();
    private final FakeTime time;

    CliRunner(Path configDir, FakeTime time) {
        this.time = time;
        env.put("TESSERA_CONFIG_DIR", configDir.toString());
    }

    CliRunner(Path configDir) {
        this(configDir, new FakeTime());
    }

    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = TesseraCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.copyOf(env), time, time.sleeper());
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
