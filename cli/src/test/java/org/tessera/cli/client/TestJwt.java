package org.tessera.cli.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Unsigned JWT-shaped strings, enough for code that only reads claims. */
public final class TestJwt {

    private TestJwt() {
    }

    public static String forUser(String username) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String payload = encoder.encodeToString(("{\"sub\":\"id-" + username + "\",\"preferred_username\":\""
                + username + "\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".signature";
    }

    /** A token endpoint answer for {@code username} with the given access token and lifetimes. */
    public static String tokenResponse(String username, String accessToken, long expiresIn, String refreshToken,
            long refreshExpiresIn) {
        return "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                + ",\"refresh_token\":\"" + refreshToken + "\",\"refresh_expires_in\":" + refreshExpiresIn
                + ",\"id_token\":\"" + forUser(username) + "\",\"scope\":\"openid profile email\"}";
    }
}
