package org.tessera.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the user name out of a JWT without verifying it. That is enough here because the name
 * is only shown to the user; the Tessera server verifies every token it is sent.
 */
public final class JwtClaims {

    private static final ObjectMapper JSON = Json.mapper();

    private JwtClaims() {
    }

    /** {@code preferred_username}, else {@code sub}; empty when {@code jwt} is null or not a JWT. */
    public static Optional<String> username(String jwt) {
        if (jwt == null) {
            return Optional.empty();
        }
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            for (String claim : new String[] {"preferred_username", "sub"}) {
                JsonNode value = claims.path(claim);
                if (value.isTextual() && !value.asText().isBlank()) {
                    return Optional.of(value.asText());
                }
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException notAJwt) {
            return Optional.empty();
        }
    }
}
