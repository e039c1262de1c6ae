package org.tessera.cli.client;

import java.net.URI;

/** No HTTP answer came back from {@link #uri()}: refused, unknown host, TLS failure or timeout. */
public class ServerUnreachableException extends CliException {

    private final URI uri;

    public ServerUnreachableException(URI uri, String message, Throwable cause) {
        super(message, ExitCode.FAILURE, cause);
        this.uri = uri;
    }

    public URI uri() {
        return uri;
    }
}
