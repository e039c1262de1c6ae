package org.tessera.cli.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** {@code GET /api/v1/me}: the signed-in user as the Tessera server sees them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CurrentUser(String username, String email, String name, List<String> roles, List<String> groups) {
}
