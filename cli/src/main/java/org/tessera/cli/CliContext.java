package org.tessera.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.tessera.cli.client.CliConfig;
import org.tessera.cli.client.CredentialStore;
import org.tessera.cli.client.HttpTransport;
import org.tessera.cli.client.Json;
import org.tessera.cli.client.OidcClient;
import org.tessera.cli.client.Site;
import org.tessera.cli.client.Sleeper;
import org.tessera.cli.client.TesseraApiClient;
import org.tessera.cli.client.TokenManager;

/**
 * Everything a verb may touch outside its own options: the streams and environment of this run,
 * the clock, and the clients, built on first use so that {@code config} never needs the network.
 */
final class CliContext {

    private final PrintWriter out;
    private final PrintWriter err;
    private final InputStream in;
    private final Map<String, String> env;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ObjectMapper json = Json.mapper();
    private CliConfig config;
    private HttpTransport http;

    CliContext(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, Clock clock,
            Sleeper sleeper) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    InputStream in() {
        return in;
    }

    Map<String, String> env() {
        return env;
    }

    Clock clock() {
        return clock;
    }

    /** {@code $TESSERA_CONFIG_DIR}, else {@code ~/.tessera-cli}. */
    Path configDir() {
        String dir = env.get("TESSERA_CONFIG_DIR");
        return dir != null && !dir.isBlank()
                ? Path.of(dir)
                : Path.of(System.getProperty("user.home"), ".tessera-cli");
    }

    CliConfig config() {
        if (config == null) {
            config = CliConfig.load(configDir());
        }
        return config;
    }

    CredentialStore credentials() {
        return new CredentialStore(configDir(), json);
    }

    HttpTransport http() {
        if (http == null) {
            http = HttpTransport.create(config().sslVerify());
        }
        return http;
    }

    OidcClient oidc() {
        return new OidcClient(http(), json, clock, sleeper);
    }

    /** The site named by {@code --site} (null for the default), at its configured or overridden URL. */
    Site site(String requested) {
        return config().resolveSite(requested, env);
    }

    /** A client for {@code site} that signs its calls with the stored, refreshed-when-needed token. */
    TesseraApiClient api(Site site) {
        TokenManager tokens = new TokenManager(site, credentials(), oidc(), clock);
        return new TesseraApiClient(site, http(), json, tokens::accessToken);
    }
}
