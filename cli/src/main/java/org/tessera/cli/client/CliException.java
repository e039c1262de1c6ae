package org.tessera.cli.client;

/**
 * A failure the user can act on: its message is printed after {@code Error: } without a stack
 * trace, and the process ends with its exit code. Anything else reaching the top is a bug.
 */
public class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public CliException(String message) {
        this(message, ExitCode.FAILURE);
    }

    public int exitCode() {
        return exitCode;
    }
}
