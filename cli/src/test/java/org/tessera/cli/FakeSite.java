package org.tessera.cli;

import java.nio.file.Path;
import org.tessera.cli.client.CredentialStore;
import org.tessera.cli.client.FakeTime;
import org.tessera.cli.client.Json;
import org.tessera.cli.client.SiteCredentials;
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

    /**
     * A CLI whose master site is this one, with the credentials {@code login} would have stored for
     * {@code user} (access token "access-1" valid 300 s, refresh token "refresh-1").
     */
    CliRunner signedIn(Path configDir, FakeTime time, String user) {
        CliRunner cli = new CliRunner(configDir, time);
        cli.run("config", "set", "sites.master.url", url());
        long now = time.instant().getEpochSecond();
        new CredentialStore(configDir, Json.mapper()).save("master",
                new SiteCredentials(url(), url() + REALM, "tessera-cli", url() + TOKEN, null, null, user,
                        "access-1", now + 300, "refresh-1", now + 1800));
        return cli;
    }

    @Override
    public void close() {
        server.close();
    }
}
