package org.tessera.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {

    @TempDir
    Path temp;

    @Test
    void createsTheDirectory0700AndTheFile0600() throws IOException {
        Path configDir = temp.resolve("home").resolve(".tessera-cli");
        CredentialStore store = new CredentialStore(configDir, Json.mapper());

        store.save("master", credentials("access-1"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configDir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    }

    @Test
    void readsBackWhatItStoredPerSite() {
        CredentialStore store = new CredentialStore(temp, Json.mapper());
        store.save("master", credentials("access-1"));
        store.save("dev", credentials("access-dev"));

        CredentialStore reopened = new CredentialStore(temp, Json.mapper());
        assertThat(reopened.load("master")).contains(credentials("access-1"));
        assertThat(reopened.load("dev")).contains(credentials("access-dev"));
        assertThat(reopened.load("other")).isEmpty();
    }

    @Test
    void rewritingKeeps0600AndLeavesNoTemporaryFiles() throws IOException {
        CredentialStore store = new CredentialStore(temp, Json.mapper());
        store.save("master", credentials("access-1"));
        store.save("master", credentials("access-2"));

        assertThat(store.load("master").orElseThrow().accessToken()).isEqualTo("access-2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        try (var files = Files.list(temp)) {
            assertThat(files).containsExactly(store.file());
        }
    }

    @Test
    void aFileLeftReadableByOthersIsReplacedByAPrivateOne() throws IOException {
        CredentialStore store = new CredentialStore(temp, Json.mapper());
        Files.writeString(store.file(), "{\"sites\":{}}");
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));

        store.save("master", credentials("access-1"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    }

    @Test
    void deletingTheLastSiteRemovesTheFile() {
        CredentialStore store = new CredentialStore(temp, Json.mapper());
        store.save("master", credentials("access-1"));
        store.save("dev", credentials("access-dev"));

        assertThat(store.delete("dev")).isTrue();
        assertThat(store.load("dev")).isEmpty();
        assertThat(store.file()).exists();
        assertThat(store.delete("master")).isTrue();
        assertThat(store.file()).doesNotExist();
        assertThat(store.delete("master")).isFalse();
    }

    @Test
    void unreadableFileIsReportedWithWhatToDo() throws IOException {
        CredentialStore store = new CredentialStore(temp, Json.mapper());
        Files.writeString(store.file(), "not json");

        assertThatThrownBy(() -> store.load("master"))
                .isInstanceOf(CliException.class)
                .hasMessageContaining(store.file().toString())
                .hasMessageContaining("tessera login");
    }

    private static SiteCredentials credentials(String accessToken) {
        return new SiteCredentials("http://localhost:8080", "http://kc/realms/t", "tessera-cli",
                "http://kc/realms/t/protocol/openid-connect/token", "http://kc/realms/t/protocol/openid-connect/logout",
                null, "alice", accessToken, 1_700_000_300L, "refresh-1", 1_700_001_800L);
    }
}
