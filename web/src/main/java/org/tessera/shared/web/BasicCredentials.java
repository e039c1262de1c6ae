package org.tessera.shared.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The user name and secret of an HTTP Basic {@code Authorization} header, as git, pip and twine send them. */
public record BasicCredentials(String user, String secret) {

  /** The pair in the header; empty for a missing, non-Basic or malformed header. The user may be empty. */
  public static Optional<BasicCredentials> parse(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? Optional.empty() : Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }
}
