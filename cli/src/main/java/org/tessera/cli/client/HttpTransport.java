package org.tessera.cli.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Sends HTTP requests with {@link HttpClient} and turns "no answer at all" into a
 * {@link ServerUnreachableException} naming the URL. Error statuses are returned, not thrown:
 * what they mean depends on whether Keycloak or Tessera sent them.
 */
public final class HttpTransport {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(30);

    private final HttpClient client;

    HttpTransport(HttpClient client) {
        this.client = client;
    }

    /**
     * A transport for the real servers. With {@code verifyTls} false (the {@code ssl_verify}
     * setting) any certificate and host name is accepted, for test sites with self-signed certificates.
     */
    public static HttpTransport create(boolean verifyTls) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                // h2c upgrade buys nothing for a handful of small requests, and proxies mishandle it.
                .version(HttpClient.Version.HTTP_1_1);
        if (!verifyTls) {
            builder.sslContext(trustingEveryCertificate());
        }
        return new HttpTransport(builder.build());
    }

    /** GET {@code uri} accepting JSON, with a bearer token when {@code accessToken} is not null. */
    public HttpResponse<String> get(URI uri, String accessToken) {
        return send("GET", uri, accessToken, null);
    }

    /**
     * {@code method} on {@code uri} accepting JSON, with a JSON body when {@code jsonBody} is not
     * null and a bearer token when {@code accessToken} is not null.
     */
    public HttpResponse<String> send(String method, URI uri, String accessToken, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody))
                .header("Accept", "application/json");
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return send(request);
    }

    /** POST a file as the raw request body, streamed from disk. */
    public HttpResponse<String> postFile(URI uri, String accessToken, java.nio.file.Path file) {
        try {
            return send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/octet-stream")
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + accessToken)
                    .timeout(UPLOAD_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofFile(file)));
        } catch (java.io.FileNotFoundException e) {
            throw new CliException("Cannot read " + file + ": no such file.");
        }
    }

    /** GET {@code uri} accepting plain text (a generated file), or a problem. */
    public HttpResponse<String> getText(URI uri, String accessToken) {
        return send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "text/plain, application/problem+json")
                .header("Authorization", "Bearer " + accessToken).GET());
    }

    /**
     * POST a file as the multipart/form-data field {@code field}, streamed from disk (never read
     * into memory), with its file name.
     */
    public HttpResponse<String> postMultipart(URI uri, String accessToken, String field, java.nio.file.Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new CliException("Cannot read " + file + ": no such file.");
        }
        String boundary = "tessera-" + java.util.UUID.randomUUID();
        String name = file.getFileName().toString().replace("\"", "").replace("\r", "").replace("\n", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        try {
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                    HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail));
            return send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + accessToken)
                    .timeout(UPLOAD_TIMEOUT)
                    .POST(body));
        } catch (java.io.FileNotFoundException e) {
            throw new CliException("Cannot read " + file + ": no such file.");
        }
    }

    /**
     * GET {@code uri} into {@code target} (written to a sibling first and moved into place, so a
     * failed download leaves nothing); returns the response, whose body is the error text on failure.
     */
    public HttpResponse<String> download(URI uri, String accessToken, java.nio.file.Path target) {
        java.nio.file.Path partial = target.resolveSibling(target.getFileName() + ".part");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(UPLOAD_TIMEOUT).header("User-Agent", "tessera-cli")
                .header("Authorization", "Bearer " + accessToken).GET().build();
        try {
            HttpResponse<java.nio.file.Path> response = client.send(request, HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() / 100 == 2) {
                java.nio.file.Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return new TextResponse(response, "");
            }
            String body = java.nio.file.Files.readString(partial);
            java.nio.file.Files.deleteIfExists(partial);
            return new TextResponse(response, body);
        } catch (IOException e) {
            try {
                java.nio.file.Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the download failed already; that is the error to report
            }
            throw new ServerUnreachableException(uri, "Downloading " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while downloading " + uri);
        }
    }

    /**
     * GET {@code uri} with no time limit, handing each line of a 2xx body to {@code lines} as it
     * arrives (a followed log); returns the response, whose body is the error text on failure.
     */
    public HttpResponse<String> follow(URI uri, String accessToken, java.util.function.Consumer<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("User-Agent", "tessera-cli").header("Accept", "text/plain, application/problem+json")
                .header("Authorization", "Bearer " + accessToken).GET().build();
        try {
            HttpResponse<java.util.stream.Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
            try (java.util.stream.Stream<String> body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    return new LinesResponse(response, String.join("\n", body.toList()));
                }
                body.forEach(lines);
            }
            return new LinesResponse(response, "");
        } catch (IOException e) {
            throw new ServerUnreachableException(uri, "Following " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while following " + uri);
        }
    }

    /** A streamed response seen as text, so that error bodies go through the usual problem handling. */
    private record LinesResponse(HttpResponse<java.util.stream.Stream<String>> lines, String body) implements HttpResponse<String> {
        public int statusCode() { return lines.statusCode(); }
        public HttpRequest request() { return lines.request(); }
        public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        public java.net.http.HttpHeaders headers() { return lines.headers(); }
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return lines.sslSession(); }
        public URI uri() { return lines.uri(); }
        public java.net.http.HttpClient.Version version() { return lines.version(); }
    }

    /** A file response seen as text, so that error bodies go through the usual problem handling. */
    private record TextResponse(HttpResponse<java.nio.file.Path> file, String body) implements HttpResponse<String> {
        public int statusCode() { return file.statusCode(); }
        public HttpRequest request() { return file.request(); }
        public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        public java.net.http.HttpHeaders headers() { return file.headers(); }
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return file.sslSession(); }
        public URI uri() { return file.uri(); }
        public java.net.http.HttpClient.Version version() { return file.version(); }
    }

    /** POST an {@code application/x-www-form-urlencoded} body, as OAuth endpoints expect. */
    public HttpResponse<String> postForm(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.header("User-Agent", "tessera-cli").build();
        URI uri = built.uri();
        try {
            return client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new ServerUnreachableException(uri, "Connecting to " + uri + " timed out", e);
        } catch (HttpTimeoutException e) {
            throw new ServerUnreachableException(uri, uri + " did not answer within "
                    + built.timeout().orElse(REQUEST_TIMEOUT).toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new ServerUnreachableException(uri, "Could not connect to " + uri + " (connection refused)", e);
        } catch (SSLException e) {
            throw new ServerUnreachableException(uri, "TLS failed with " + uri + ": " + e.getMessage()
                    + ". For a test server with a self-signed certificate: tessera config set ssl_verify false", e);
        } catch (IOException e) {
            throw new ServerUnreachableException(uri, "Could not reach " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while waiting for " + uri);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static SSLContext trustingEveryCertificate() {
        // An X509ExtendedTrustManager also owns the host name check, so a no-op one skips both.
        TrustManager trustAll = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no TLS", e);
        }
    }
}
