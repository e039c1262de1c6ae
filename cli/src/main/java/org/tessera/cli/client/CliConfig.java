package org.tessera.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's settings in {@code config.yaml}, laid out like anaconda-enterprise-cli's and set
 * with the same dotted keys:
 *
 * <pre>
 * default_site: master
 * ssl_verify: true
 * sites:
 *   master:
 *     url: http://localhost:8080
 * </pre>
 *
 * Only {@link #KNOWN_KEYS} can be set. The file is kept as a tree, so entries written by a newer
 * CLI survive a round trip through this one.
 */
public final class CliConfig {

    public static final String FILE_NAME = "config.yaml";
    public static final String DEFAULT_SITE = "master";
    public static final String KNOWN_KEYS = "sites.<name>.url, default_site, ssl_verify";

    private static final String SITES = "sites";
    private static final String DEFAULT_SITE_KEY = "default_site";
    private static final String SSL_VERIFY_KEY = "ssl_verify";
    private static final Pattern SITE_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern SITE_URL_KEY = Pattern.compile("sites\\.(" + SITE_NAME.pattern() + ")\\.url");

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private final Path file;
    private final ObjectNode root;

    private CliConfig(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    /** Reads {@code config.yaml} in {@code configDir}; a missing file is an empty config. */
    public static CliConfig load(Path configDir) {
        Path file = configDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return new CliConfig(file, JsonNodeFactory.instance.objectNode());
        }
        try {
            JsonNode tree = YAML.readTree(file.toFile());
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return new CliConfig(file, JsonNodeFactory.instance.objectNode());
            }
            if (!tree.isObject()) {
                throw new CliException(file + " is not a mapping of settings; fix or delete it.");
            }
            return new CliConfig(file, (ObjectNode) tree);
        } catch (IOException e) {
            throw new CliException("Could not read " + file + ": " + e.getMessage());
        }
    }

    public Path file() {
        return file;
    }

    /** Writes the settings back to {@code config.yaml}, creating the directory 0700 if needed. */
    public void save() {
        try {
            PrivateFiles.write(file, YAML.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new CliException("Could not write " + file + ": " + e.getMessage());
        }
    }

    /**
     * Sets {@code key} after checking it is known and {@code value} makes sense for it; a site URL
     * loses its trailing slash.
     *
     * @throws CliException with exit code 2 for an unknown key or a bad value
     */
    public void set(String key, String value) {
        Matcher site = SITE_URL_KEY.matcher(key);
        if (site.matches()) {
            String url = checkedUrl(key, value);
            ObjectNode sites = sitesNode();
            JsonNode entry = sites.path(site.group(1));
            (entry.isObject() ? (ObjectNode) entry : sites.putObject(site.group(1))).put("url", url);
        } else if (DEFAULT_SITE_KEY.equals(key)) {
            if (!SITE_NAME.matcher(value).matches()) {
                throw usage("A site name is letters, digits, '-' and '_'; got '" + value + "'.");
            }
            root.put(DEFAULT_SITE_KEY, value);
        } else if (SSL_VERIFY_KEY.equals(key)) {
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw usage("ssl_verify is true or false; got '" + value + "'.");
            }
            root.put(SSL_VERIFY_KEY, Boolean.parseBoolean(value));
        } else {
            throw unknownKey(key);
        }
    }

    /** The value of {@code key}, or its default; empty when it is unset and has none. */
    public Optional<String> get(String key) {
        Matcher site = SITE_URL_KEY.matcher(key);
        if (site.matches()) {
            return siteUrl(site.group(1));
        } else if (DEFAULT_SITE_KEY.equals(key)) {
            return Optional.of(defaultSite());
        } else if (SSL_VERIFY_KEY.equals(key)) {
            return Optional.of(Boolean.toString(sslVerify()));
        }
        throw unknownKey(key);
    }

    /** Removes {@code key} so its default applies again; returns whether it was set. */
    public boolean unset(String key) {
        Matcher site = SITE_URL_KEY.matcher(key);
        if (site.matches()) {
            JsonNode sites = root.path(SITES);
            JsonNode entry = sites.path(site.group(1));
            if (!entry.isObject() || ((ObjectNode) entry).remove("url") == null) {
                return false;
            }
            // A site with nothing left in it is noise in the file.
            if (entry.isEmpty()) {
                ((ObjectNode) sites).remove(site.group(1));
            }
            if (sites.isEmpty()) {
                root.remove(SITES);
            }
            return true;
        } else if (DEFAULT_SITE_KEY.equals(key) || SSL_VERIFY_KEY.equals(key)) {
            return root.remove(key) != null;
        }
        throw unknownKey(key);
    }

    /** Every known key that has a value, defaults included, sorted by key. */
    public SortedMap<String, String> list() {
        SortedMap<String, String> values = new TreeMap<>();
        values.put(DEFAULT_SITE_KEY, defaultSite());
        values.put(SSL_VERIFY_KEY, Boolean.toString(sslVerify()));
        Iterator<Map.Entry<String, JsonNode>> sites = root.path(SITES).fields();
        while (sites.hasNext()) {
            Map.Entry<String, JsonNode> entry = sites.next();
            JsonNode url = entry.getValue().path("url");
            if (url.isTextual()) {
                values.put("sites." + entry.getKey() + ".url", url.asText());
            }
        }
        return values;
    }

    public String defaultSite() {
        JsonNode value = root.path(DEFAULT_SITE_KEY);
        return value.isTextual() ? value.asText() : DEFAULT_SITE;
    }

    /** Whether TLS certificates are checked; true unless the user turned it off. */
    public boolean sslVerify() {
        JsonNode value = root.path(SSL_VERIFY_KEY);
        return !(value.isBoolean() && !value.asBoolean()) && !"false".equalsIgnoreCase(value.asText());
    }

    public Optional<String> siteUrl(String site) {
        JsonNode url = root.path(SITES).path(site).path("url");
        return url.isTextual() ? Optional.of(url.asText()) : Optional.empty();
    }

    /**
     * The site a command talks to: {@code requested} (the {@code --site} option) or the default
     * site, at the {@code TESSERA_URL} from {@code env} if set, else at the configured URL.
     *
     * @throws CliException when the site has no URL
     */
    public Site resolveSite(String requested, Map<String, String> env) {
        String name = requested != null ? requested : defaultSite();
        String override = env.get("TESSERA_URL");
        if (override != null && !override.isBlank()) {
            return new Site(name, checkedUrl("TESSERA_URL", override.strip()));
        }
        return new Site(name, siteUrl(name).orElseThrow(() -> new CliException("No URL is set for site '" + name
                + "'. Set it with: tessera config set sites." + name + ".url URL (for example http://localhost:8080)")));
    }

    private ObjectNode sitesNode() {
        JsonNode sites = root.path(SITES);
        return sites.isObject() ? (ObjectNode) sites : root.putObject(SITES);
    }

    private static String checkedUrl(String key, String value) {
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw usage(key + " must be an http or https URL such as http://localhost:8080; got '" + value + "'.");
            }
        } catch (URISyntaxException e) {
            throw usage(key + " is not a URL: " + e.getMessage());
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static CliException unknownKey(String key) {
        return usage("Unknown key '" + key + "'. Known keys: " + KNOWN_KEYS + ".");
    }

    private static CliException usage(String message) {
        return new CliException(message, ExitCode.USAGE);
    }
}
