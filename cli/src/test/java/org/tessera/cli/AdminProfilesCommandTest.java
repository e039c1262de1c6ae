package org.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.cli.CliRunner.Result;
import org.tessera.cli.client.FakeTime;
import org.tessera.cli.client.StubHttpServer.Reply;

/** {@code tessera admin profiles} against a stub site. */
class AdminProfilesCommandTest {

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
    void setSendsTheSeedsFieldsAndListShowsThem() {
        site.server.replies("/api/v1/admin/resource-profiles/gpu-profile", Reply.json(200, "{}"));
        site.server.replies("/api/v1/resource-profiles", Reply.json(200,
                "[{\"name\":\"gpu-profile\",\"cpu\":\"4\",\"memory\":\"8Gi\",\"gpus\":1,\"userVisible\":false,\"isDefault\":false,\"nodeSelector\":{\"nvidia.com/gpu.present\":\"true\"}}]"));

        Result set = cli.run("admin", "profiles", "set", "gpu-profile", "--cpu", "4", "--memory", "8Gi", "--gpus", "1", "--hidden",
                "--node-selector", "nvidia.com/gpu.present=true");

        assertThat(set.exitCode()).as(set.err()).isZero();
        var request = site.server.requests("/api/v1/admin/resource-profiles/gpu-profile").get(0);
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.body()).contains("\"cpu\" : \"4\"", "\"gpus\" : 1", "\"userVisible\" : false", "\"nvidia.com/gpu.present\" : \"true\"");
        assertThat(cli.run("admin", "profiles", "list").out()).contains("gpu-profile", "8Gi", "no");
    }

    @Test
    void deletingAProfileInUseShowsWhoUsesIt() {
        site.server.replies("/api/v1/admin/resource-profiles/large", Reply.problem(409,
                "{\"type\":\"urn:tessera:problem:resource-profile-in-use\",\"status\":409,\"detail\":\"Resource profile 'large' is used by session 1a of ada (running).\"}"));

        Result result = cli.run("admin", "profiles", "delete", "large");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("session 1a of ada");
    }
}
