package org.tessera.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * Calls the Tessera REST API of one site. Error statuses become {@link ProblemException}s, and an
 * unreachable server a message that names the site URL and how to change it.
 */
public final class TesseraApiClient {

    private final Site site;
    private final HttpTransport http;
    private final ObjectMapper json;
    private final Supplier<String> accessToken;

    /** {@code accessToken} is asked for a token before every authenticated call, usually a {@link TokenManager}. */
    public TesseraApiClient(Site site, HttpTransport http, ObjectMapper json, Supplier<String> accessToken) {
        this.site = site;
        this.http = http;
        this.json = json;
        this.accessToken = accessToken;
    }

    /** {@code GET /api/v1/info}, which needs no sign-in and names the site's Keycloak. */
    public SiteInfo info() {
        String body = send("GET", "/api/v1/info", null, null);
        SiteInfo info = read(body, SiteInfo.class, "/api/v1/info");
        if (info.issuer() == null) {
            throw new CliException(site.url() + " does not name its sign-in server (no issuer in /api/v1/info).");
        }
        return info;
    }

    /** An authenticated GET of {@code path}; returns the body of a 2xx answer as it came. */
    public String get(String path) {
        return send("GET", path, accessToken.get(), null);
    }

    /** An authenticated POST of {@code object} as JSON; returns the body of a 2xx answer. */
    public String post(String path, Object object) {
        try {
            return send("POST", path, accessToken.get(), json.writeValueAsString(object));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the request body of " + path, e);
        }
    }

    /** An authenticated PUT of {@code object} as JSON; returns the body of a 2xx answer. */
    public String put(String path, Object object) {
        try {
            return send("PUT", path, accessToken.get(), json.writeValueAsString(object));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the request body of " + path, e);
        }
    }

    /** An authenticated POST of a file as the raw body; returns the body of a 2xx answer. */
    public String postFile(String path, java.nio.file.Path file) {
        URI uri = site.resolve(path);
        return checked(http.postFile(uri, accessToken.get(), file));
    }

    /** An authenticated GET of a plain-text {@code path} (a generated file); returns its text. */
    public String getText(String path) {
        URI uri = site.resolve(path);
        return checked(http.getText(uri, accessToken.get()));
    }

    /** An authenticated multipart POST of {@code file} as form field {@code field}, streamed; returns the body of a 2xx answer. */
    public String postMultipart(String path, String field, java.nio.file.Path file) {
        URI uri = site.resolve(path);
        return checked(http.postMultipart(uri, accessToken.get(), field, file));
    }

    /** An authenticated GET of {@code path} into {@code target}; nothing is left there on failure. */
    public void download(String path, java.nio.file.Path target) {
        URI uri = site.resolve(path);
        checked(http.download(uri, accessToken.get(), target));
    }

    /** An authenticated GET of a streamed text {@code path}, each line to {@code lines} as it comes. */
    public void follow(String path, java.util.function.Consumer<String> lines) {
        URI uri = site.resolve(path);
        checked(http.follow(uri, accessToken.get(), lines));
    }

    private String checked(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw ProblemException.from(response, json);
        }
        return response.body();
    }

    /** An authenticated DELETE of {@code path}. */
    public void delete(String path) {
        send("DELETE", path, accessToken.get(), null);
    }

    /** Parses a body returned by {@link #get(String)}. */
    public <T> T read(String body, Class<T> type, String path) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new CliException("The server at " + site.url() + " did not answer " + path
                    + " with the expected JSON; is this a Tessera URL?");
        }
    }

    private String send(String method, String path, String token, String jsonBody) {
        URI uri = site.resolve(path);
        HttpResponse<String> response;
        try {
            response = http.send(method, uri, token, jsonBody);
        } catch (ServerUnreachableException e) {
            if (e.getCause() instanceof SSLException) {
                throw e; // The server is there; its message already says how to deal with the certificate.
            }
            throw new ServerUnreachableException(uri, e.getMessage() + ". Is Tessera running at " + site.url()
                    + "? Set its URL with: tessera config set sites." + site.name() + ".url URL", e.getCause());
        }
        if (response.statusCode() / 100 != 2) {
            throw ProblemException.from(response, json);
        }
        return response.body();
    }
}
