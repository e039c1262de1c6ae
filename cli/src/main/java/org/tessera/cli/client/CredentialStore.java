package org.tessera.cli.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tokens of every site the user signed in to, in {@code credentials.json} in the config
 * directory. The file is created 0600 in a 0700 directory (see {@link PrivateFiles}) because it
 * holds refresh tokens, which are as good as a password until they expire.
 */
public final class CredentialStore {

    public static final String FILE_NAME = "credentials.json";

    private final Path file;
    private final ObjectMapper json;

    public CredentialStore(Path configDir, ObjectMapper json) {
        this.file = configDir.resolve(FILE_NAME);
        this.json = json;
    }

    /** The shape of the file: one entry per site name. */
    record CredentialsFile(Map<String, SiteCredentials> sites) {
    }

    public Path file() {
        return file;
    }

    /** The stored credentials of {@code site}; empty when the user never signed in to it or signed out. */
    public Optional<SiteCredentials> load(String site) {
        return Optional.ofNullable(readAll().get(site));
    }

    /** Stores {@code credentials} for {@code site}, replacing what was there. */
    public void save(String site, SiteCredentials credentials) {
        Map<String, SiteCredentials> sites = readAll();
        sites.put(site, credentials);
        writeAll(sites);
    }

    /** Forgets {@code site}'s tokens; deletes the file when no site is left. Returns whether there were any. */
    public boolean delete(String site) {
        Map<String, SiteCredentials> sites = readAll();
        if (sites.remove(site) == null) {
            return false;
        }
        if (sites.isEmpty()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new CliException("Could not delete " + file + ": " + e.getMessage());
            }
        } else {
            writeAll(sites);
        }
        return true;
    }

    private Map<String, SiteCredentials> readAll() {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            CredentialsFile content = json.readValue(file.toFile(), CredentialsFile.class);
            return content == null || content.sites() == null ? new TreeMap<>() : new TreeMap<>(content.sites());
        } catch (IOException e) {
            throw new CliException("Could not read " + file + " (" + e.getMessage()
                    + "). Delete it and run tessera login again.");
        }
    }

    private void writeAll(Map<String, SiteCredentials> sites) {
        try {
            PrivateFiles.write(file, json.writeValueAsBytes(new CredentialsFile(sites)));
        } catch (IOException e) {
            throw new CliException("Could not write " + file + ": " + e.getMessage());
        }
    }
}
