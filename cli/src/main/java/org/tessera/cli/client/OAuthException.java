package org.tessera.cli.client;

/**
 * The token endpoint refused a grant with an RFC 6749 error response. {@link #error()} is the
 * error code ({@code invalid_grant}, {@code access_denied}, ...) so callers can react to it.
 */
public class OAuthException extends CliException {

    private final String error;
    private final String description;

    public OAuthException(String error, String description, String message) {
        super(message, ExitCode.NOT_SIGNED_IN);
        this.error = error;
        this.description = description;
    }

    /** An exception whose message is the server's own description of the refusal. */
    public static OAuthException of(String error, String description) {
        String reason = description == null || description.isBlank() ? error : description;
        return new OAuthException(error, description, "Sign-in failed: " + reason);
    }

    public String error() {
        return error;
    }

    /** The server's {@code error_description}; may be null. */
    public String description() {
        return description;
    }
}
