package org.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.cli.CliRunner.Result;
import org.tessera.cli.client.FakeTime;
import org.tessera.cli.client.StubHttpServer.Reply;

/** {@code tessera admin idps} against a stub site. */
class AdminIdpsCommandTest {

    static final String IDPS = "/api/v1/admin/identity-providers";

    @TempDir
    Path configDir;

    private final FakeSite site = new FakeSite();
    private final FakeTime time = new FakeTime();
    private CliRunner cli;

    @BeforeEach
    void signIn() {
        cli = site.signedIn(configDir, time, "admin");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void addSendsMetadataRoleMappersAndTheSecretFromStdinAndPrintsWhatToGiveTheProvider() throws Exception {
        site.server.replies(IDPS, Reply.json(201, "{\"alias\":\"corp\",\"type\":\"saml\",\"redirectUri\":\"http://kc/auth/realms/tessera/broker/corp/endpoint\","
                + "\"spEntityId\":\"http://kc/auth/realms/tessera\",\"spMetadataUrl\":\"http://kc/auth/realms/tessera/broker/corp/endpoint/descriptor\"}"));
        Path metadata = configDir.resolve("idp.xml");
        Files.writeString(metadata, "<md:EntityDescriptor/>");

        Result result = cli.runWithInput("unused\n", "admin", "idps", "add", "corp", "--type", "saml", "--metadata-file", metadata.toString(),
                "--role", "groups=data-scientists:ae-creator", "--hardcoded-role", "ae-uploader");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Added identity provider corp (saml).", "redirect URI: http://kc/auth/realms/tessera/broker/corp/endpoint",
                "/broker/corp/endpoint/descriptor");
        String body = site.server.requests(IDPS).get(0).body();
        assertThat(body).contains("\"alias\" : \"corp\"", "\"metadataXml\" : \"<md:EntityDescriptor/>\"", "\"type\" : \"attribute-to-role\"",
                "\"attribute\" : \"groups\"", "\"value\" : \"data-scientists\"", "\"role\" : \"ae-creator\"", "\"type\" : \"hardcoded-role\"", "\"role\" : \"ae-uploader\"")
                .doesNotContain("clientSecret");
    }

    @Test
    void theClientSecretComesFromStdinOnly() {
        site.server.replies(IDPS, Reply.json(201, "{\"alias\":\"google\",\"type\":\"google\",\"redirectUri\":\"http://kc/broker/google/endpoint\"}"));

        Result result = cli.runWithInput("g-s3cret\n", "admin", "idps", "add", "--type", "google", "--client-id", "1.apps.example", "--client-secret-stdin");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(site.server.requests(IDPS).get(0).body()).contains("\"clientSecret\" : \"g-s3cret\"", "\"clientId\" : \"1.apps.example\"");
        assertThat(result.out()).doesNotContain("g-s3cret").contains("http://kc/broker/google/endpoint");
    }

    @Test
    void aMalformedRoleRuleIsRefusedBeforeAnythingIsSent() {
        Result result = cli.run("admin", "idps", "add", "corp", "--type", "saml", "--role", "groups-ae-creator");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("ATTRIBUTE=VALUE:ROLE");
        assertThat(site.server.requests(IDPS)).isEmpty();
    }

    @Test
    void refusalsShowTheServersMessage() {
        site.server.replies(IDPS, Reply.problem(400, "{\"type\":\"urn:tessera:problem:invalid-identity-provider\",\"status\":400,"
                + "\"detail\":\"Keycloak could not read SAML metadata from http://idp/x: check that the URL is right.\","
                + "\"errors\":[{\"field\":\"metadataUrl\",\"message\":\"Keycloak could not read SAML metadata from http://idp/x\"}]}"));

        Result result = cli.run("admin", "idps", "add", "corp", "--type", "saml", "--metadata-url", "http://idp/x");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("could not read SAML metadata from http://idp/x");
    }

    @Test
    void listShowsRedirectUrisAndMappersAndRemoveDeletes() {
        site.server.replies(IDPS, Reply.json(200, "[{\"alias\":\"corp\",\"type\":\"saml\",\"enabled\":true,\"displayName\":\"Corp SSO\","
                + "\"redirectUri\":\"http://kc/broker/corp/endpoint\",\"mappers\":[{\"name\":\"m\",\"type\":\"attribute-to-role\",\"attribute\":\"groups\","
                + "\"value\":\"staff\",\"role\":\"ae-creator\"}]}]"));
        site.server.replies(IDPS + "/corp", Reply.json(204, ""));

        Result list = cli.run("admin", "idps", "list");
        Result remove = cli.run("admin", "idps", "remove", "corp");

        assertThat(list.out()).contains("corp", "Corp SSO", "http://kc/broker/corp/endpoint", "groups=staff -> ae-creator");
        assertThat(remove.exitCode()).as(remove.err()).isZero();
        assertThat(site.server.requests(IDPS + "/corp").get(0).method()).isEqualTo("DELETE");
    }
}
