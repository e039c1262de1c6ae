package org.tessera.cli.client;

/** There is no usable session for the site: never signed in, or the refresh token is gone. */
public class AuthenticationRequiredException extends CliException {

    public AuthenticationRequiredException(String message) {
        super(message, ExitCode.NOT_SIGNED_IN);
    }
}
