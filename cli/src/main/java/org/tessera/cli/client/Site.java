package org.tessera.cli.client;

import java.net.URI;

/** A Tessera server the CLI talks to: its name in the config and its base URL, without a trailing slash. */
public record Site(String name, String url) {

    /** The absolute URI of {@code path}, which starts with a slash. */
    public URI resolve(String path) {
        return URI.create(url + path);
    }
}
