package org.tessera.channels.infrastructure;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Reads what a mirror copies from: {@code http(s)://} URLs with the JDK's HTTP client, and
 * {@code file://} URLs from the local disk (an extracted air-gap tarball). A missing document is a
 * {@link FileNotFoundException}; any other failure an {@link IOException} naming the URL.
 */
public final class Upstream {

  /** A fetched document and the media type it came with (null for files). */
  public record Document(byte[] body, String contentType, URI uri) {}

  /** A downloaded file: its size and checksums. */
  public record Download(long size, String sha256, String md5) {}

  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NORMAL).build();

  /** A small document (an index), at most {@code maxBytes}. */
  public Document get(URI uri, String accept, long maxBytes) throws IOException {
    if ("file".equals(uri.getScheme())) {
      Path path = Path.of(uri);
      if (Files.isDirectory(path)) {
        path = path.resolve("index.html");
      }
      try {
        if (Files.size(path) > maxBytes) {
          throw new IOException(uri + " is larger than " + (maxBytes >> 20) + " MB");
        }
        return new Document(Files.readAllBytes(path), null, uri);
      } catch (NoSuchFileException e) {
        throw new FileNotFoundException(uri.toString());
      }
    }
    HttpResponse<InputStream> response = send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", accept).header("User-Agent", "tessera-mirror").GET().build());
    try (InputStream in = response.body()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (body.length > maxBytes) {
        throw new IOException(uri + " is larger than " + (maxBytes >> 20) + " MB");
      }
      return new Document(body, response.headers().firstValue("Content-Type").orElse(null), response.uri());
    }
  }

  /**
   * Copies a file to {@code target}, computing size and checksums on the way; fails when the body
   * ends early or grows past {@code maxBytes}. The caller deletes {@code target} on failure.
   */
  public Download download(URI uri, Path target, long maxBytes) throws IOException {
    InputStream source;
    if ("file".equals(uri.getScheme())) {
      try {
        source = Files.newInputStream(Path.of(uri));
      } catch (NoSuchFileException e) {
        throw new FileNotFoundException(uri.toString());
      }
    } else {
      source = send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("User-Agent", "tessera-mirror").GET().build()).body();
    }
    MessageDigest sha256 = digest("SHA-256");
    MessageDigest md5 = digest("MD5");
    long size = 0;
    try (InputStream in = source; OutputStream out = Files.newOutputStream(target)) {
      byte[] buffer = new byte[128 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        size += n;
        if (size > maxBytes) {
          throw new IOException(uri + " is larger than " + (maxBytes >> 20) + " MB");
        }
        sha256.update(buffer, 0, n);
        md5.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
    }
    return new Download(size, HexFormat.of().formatHex(sha256.digest()), HexFormat.of().formatHex(md5.digest()));
  }

  private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while reading " + request.uri(), e);
    } catch (IOException e) {
      throw new IOException("Could not read " + request.uri() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
    if (response.statusCode() == 404 || response.statusCode() == 410) {
      response.body().close();
      throw new FileNotFoundException(request.uri().toString());
    }
    if (response.statusCode() / 100 != 2) {
      response.body().close();
      throw new IOException(request.uri() + " answered HTTP " + response.statusCode());
    }
    return response;
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A channel as the seed writes it ({@code https://...}, {@code file:///...} or a bare path) as a URI ending in a slash. */
  public static URI base(String channel) {
    String value = channel.strip();
    URI uri = value.startsWith("/") ? Path.of(value).toUri() : URI.create(value);
    String text = uri.toString();
    return URI.create(text.endsWith("/") ? text : text + "/");
  }
}
