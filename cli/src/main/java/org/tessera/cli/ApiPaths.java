package org.tessera.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Building API paths from names a user typed. */
final class ApiPaths {

    private ApiPaths() {}

    /** One path segment, percent-encoded (a space is %20 here, not the query string's '+'). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
