package org.tessera.cli;

import org.tessera.cli.client.StubHttpServer;
import org.tessera.cli.client.StubHttpServer.Reply;

/**
 * A Tessera site and its Keycloak realm on one {@link StubHttpServer}: {@code /api/v1/info} names
 * the realm at {@code /realms/t}, whose discovery document points back at the stub.
 */
final class FakeSite implements AutoCloseable {

    static final String REALM = "/realms/t";
    static final String TOKEN = REALM + "/protocol/openid-connect/token";
    static final String DEVICE = REALM + "/protocol/openid-connect/auth/device";
    static final String LOGOUT = REALM + "/protocol/openid-connect/logout";
    static final String ME = "/api/v1/me";

    final StubHttpServer server = StubHttpServer.start();

    FakeSite() {
        String url = server.url();
        server.replies("/api/v1/info", Reply.json(200,
                "{\"version\":\"0.1.0\",\"issuer\":\"" + url + REALM + "\",\"cliClientId\":\"tessera-cli\"}"));
        server.replies(REALM + "/.well-known/openid-configuration", Reply.json(200, "{"
                + "\"issuer\":\"" + url + REALM + "\","
                + "\"token_endpoint\":\"" + url + TOKEN + "\","
                + "\"device_authorization_endpoint\":\"" + url + DEVICE + "\","
                + "\"end_session_endpoint\":\"" + url + LOGOUT + "\","
                + "\"revocation_endpoint\":\"" + url + REALM + "/protocol/openid-connect/revoke\"}"));
    }

    String url() {
        return server.url();
    }

    @Override
    public void close() {
        server.close();
    }
}
