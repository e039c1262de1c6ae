package org.tessera.cli.client;

/** The process exit codes of {@code tessera}, so scripts can tell failures apart. */
public final class ExitCode {

    public static final int OK = 0;
    /** Anything not listed below: a server error, an unreachable server, a missing setting. */
    public static final int FAILURE = 1;
    /** Bad arguments; picocli's own code for invalid input. */
    public static final int USAGE = 2;
    /** Not signed in, the session expired or was revoked, or the server answered 401. */
    public static final int NOT_SIGNED_IN = 3;
    /** Signed in, but the server answered 403. */
    public static final int FORBIDDEN = 4;

    private ExitCode() {
    }
}
