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

/** {@code tessera admin mappings} against a stub site. */
class AdminMappingsCommandTest {

    static final String DIRECTORIES = "/api/v1/admin/directories";
    static final String RULES = DIRECTORIES + "/d1/group-rules";

    @TempDir
    Path configDir;

    @TempDir
    Path work;

    private final FakeSite site = new FakeSite();
    private final FakeTime time = new FakeTime();
    private CliRunner cli;

    @BeforeEach
    void signIn() {
        cli = site.signedIn(configDir, time, "admin");
        site.server.replies(DIRECTORIES, Reply.json(200, "[{\"id\":\"d1\",\"name\":\"corp\"}]"));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void previewOfTheOnlyDirectoryShowsGroupsRulesAndWhatTheyGive() {
        site.server.replies(RULES + "/preview", Reply.json(200, "{\"username\":\"ada\",\"userDn\":\"uid=ada,ou=people,dc=x\","
                + "\"directoryGroups\":[\"cn=data,ou=groups,dc=x\"],\"rules\":[{\"rule\":\"cn:data -> roles=ae-uploader\",\"matchedGroups\":[\"cn=data,ou=groups,dc=x\"]},"
                + "{\"rule\":\"cn:ops -> groups=/ops\",\"matchedGroups\":[]}],\"roles\":[\"ae-uploader\"],\"groups\":[],\"savedRules\":true}"));

        Result result = cli.run("admin", "mappings", "preview", "ada");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(site.server.requests(RULES + "/preview").get(0).body()).contains("\"username\" : \"ada\"");
        assertThat(result.out()).contains("User: ada (uid=ada,ou=people,dc=x)", "  cn=data,ou=groups,dc=x", "cn:data -> roles=ae-uploader  =>  matches cn=data,ou=groups,dc=x",
                "cn:ops -> groups=/ops  =>  no match", "Roles:  ae-uploader", "Groups: none");
    }

    @Test
    void previewWithSeveralDirectoriesAsksWhichOne() {
        site.server.replies(DIRECTORIES, Reply.json(200, "[{\"id\":\"d1\",\"name\":\"corp\"},{\"id\":\"d2\",\"name\":\"lab\"}]"));

        Result result = cli.run("admin", "mappings", "preview", "ada");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("--directory", "d1 (corp)", "d2 (lab)");
        assertThat(site.server.requests(RULES + "/preview")).isEmpty();
    }

    @Test
    void previewWithUnsavedRulesSendsThemAndAGroup() throws Exception {
        Path file = Files.writeString(work.resolve("rules.yaml"), "- {match: cn, pattern: 'grp-*', roles: [ae-deployer]}\n");
        site.server.replies(DIRECTORIES + "/d2/group-rules/preview", Reply.json(200,
                "{\"username\":null,\"userDn\":null,\"directoryGroups\":[\"cn=grp-a,ou=g\"],\"rules\":[],\"roles\":[\"ae-deployer\"],\"groups\":[],\"savedRules\":false}"));

        Result result = cli.run("admin", "mappings", "preview", "grp-a", "--group", "--directory", "d2", "--rules", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        String sent = site.server.requests(DIRECTORIES + "/d2/group-rules/preview").get(0).body();
        assertThat(sent).contains("\"group\" : \"grp-a\"", "\"pattern\" : \"grp-*\"", "\"roles\" : [ \"ae-deployer\" ]").doesNotContain("username");
        assertThat(result.out()).contains("Roles:  ae-deployer").doesNotContain("User:");
    }

    @Test
    void rulesListShowsOneRowPerRule() {
        site.server.replies(RULES, Reply.json(200, "{\"mapperId\":\"m1\",\"rules\":[{\"match\":\"cn\",\"pattern\":\"grp-ae5-*\",\"roles\":[\"ae-creator\",\"ae-deployer\"],"
                + "\"groups\":[\"/data-science\"]}],\"groupsDn\":\"ou=groups,dc=x\",\"groupObjectClasses\":\"groupOfNames\",\"membershipAttribute\":\"member\","
                + "\"membershipType\":\"DN\",\"membershipUserAttribute\":\"uid\",\"nestedAdGroups\":false}"));

        Result result = cli.run("admin", "mappings", "rules", "list");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Groups DN: ou=groups,dc=x").containsPattern("1\\s+cn\\s+grp-ae5-\\*\\s+ae-creator,ae-deployer\\s+/data-science");
    }

    @Test
    void rulesSetSendsTheYamlFileAsJson() throws Exception {
        Path file = Files.writeString(work.resolve("rules.yaml"), """
                rules:
                  - {match: cn, pattern: grp-ae5-*, roles: [ae-creator], groups: [/data-science]}
                  - match: dn
                    pattern: cn=admins,ou=groups,dc=example,dc=org
                    roles: [ae-admin]
                groupsDn: ou=groups,dc=example,dc=org
                """);
        site.server.replies(RULES, Reply.json(200, "{\"mapperId\":\"m1\",\"rules\":[{},{}]}"));

        Result result = cli.run("admin", "mappings", "rules", "set", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        var request = site.server.requests(RULES).get(0);
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.body()).contains("\"pattern\" : \"grp-ae5-*\"", "\"pattern\" : \"cn=admins,ou=groups,dc=example,dc=org\"", "\"groupsDn\" : \"ou=groups,dc=example,dc=org\"");
        assertThat(result.out()).contains("Saved 2 rule(s)");
    }

    @Test
    void rulesSetShowsTheServersRefusalPerRule() throws Exception {
        Path file = Files.writeString(work.resolve("rules.json"), "{\"rules\": [{\"match\": \"cn\", \"pattern\": \"b\", \"roles\": [\"ae-wizard\"]}]}");
        site.server.replies(RULES, Reply.problem(400, "{\"type\":\"urn:tessera:problem:invalid-group-rules\",\"title\":\"Invalid group rules\",\"status\":400,"
                + "\"detail\":\"Rule 1: the realm role \\\"ae-wizard\\\" does not exist in realm \\\"tessera\\\". Create it first or fix the name.\","
                + "\"errors\":[{\"field\":\"rules[0]\",\"message\":\"Rule 1: the realm role \\\"ae-wizard\\\" does not exist in realm \\\"tessera\\\".\"}]}"));

        Result result = cli.run("admin", "mappings", "rules", "set", file.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("ae-wizard", "does not exist");
    }

    @Test
    void rulesSetRefusesAFileWithoutRules() throws Exception {
        Path file = Files.writeString(work.resolve("rules.yaml"), "groupsDn: ou=groups\n");

        Result result = cli.run("admin", "mappings", "rules", "set", file.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("must hold a list of rules");
        assertThat(site.server.requests(RULES)).isEmpty();
    }
}
