package org.tessera.channels.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a file with what clients and caches rely on: a strong ETag, Last-Modified, conditional
 * GET ({@code If-None-Match}, {@code If-Modified-Since}) and one byte range ({@code Range},
 * {@code If-Range}), so an interrupted download of a large package resumes where it stopped.
 */
final class FileResponses {

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  private FileResponses() {}

  /**
   * @param etag what identifies the content (a checksum), without quotes
   * @param cacheControl the response's Cache-Control
   */
  static void send(HttpServletRequest request, HttpServletResponse response, Path file, long size, String etag, Instant lastModified, String contentType,
      String cacheControl) throws IOException {
    String quoted = "\"" + etag + "\"";
    Instant modified = lastModified.truncatedTo(ChronoUnit.SECONDS);
    response.setHeader("ETag", quoted);
    response.setDateHeader("Last-Modified", modified.toEpochMilli());
    response.setHeader("Accept-Ranges", "bytes");
    response.setHeader("Cache-Control", cacheControl);
    if (notModified(request, quoted, modified)) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType(contentType);
    long start = 0;
    long end = size - 1;
    String range = request.getHeader("Range");
    String ifRange = request.getHeader("If-Range");
    boolean rangeApplies = range != null && size > 0 && (ifRange == null || ifRange.equals(quoted));
    if (rangeApplies) {
      Matcher m = RANGE.matcher(range.strip());
      if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
        // A multi-range or malformed header: RFC 9110 lets a server answer with the whole file.
        rangeApplies = false;
      } else if (m.group(1).isEmpty()) {
        start = Math.max(0, size - Long.parseLong(m.group(2)));
      } else {
        start = Long.parseLong(m.group(1));
        end = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
      }
      if (rangeApplies && (start >= size || start > end)) {
        response.setHeader("Content-Range", "bytes */" + size);
        response.sendError(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
        return;
      }
      if (rangeApplies) {
        response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
        response.setHeader("Content-Range", "bytes " + start + "-" + end + "/" + size);
      }
    }
    long length = end - start + 1;
    response.setContentLengthLong(length);
    if ("HEAD".equals(request.getMethod())) {
      return;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ); OutputStream out = response.getOutputStream()) {
      channel.position(start);
      InputStream in = Channels.newInputStream(channel);
      byte[] buffer = new byte[64 * 1024];
      long left = length;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          break;
        }
        out.write(buffer, 0, n);
        left -= n;
      }
    }
  }

  private static boolean notModified(HttpServletRequest request, String quotedEtag, Instant modified) {
    String ifNoneMatch = request.getHeader("If-None-Match");
    if (ifNoneMatch != null) {
      for (String tag : ifNoneMatch.split(",")) {
        String t = tag.strip();
        if (t.equals("*") || t.equals(quotedEtag) || t.equals("W/" + quotedEtag)) {
          return true;
        }
      }
      return false;
    }
    String since = request.getHeader("If-Modified-Since");
    if (since != null) {
      try {
        Instant sinceInstant = DateTimeFormatter.RFC_1123_DATE_TIME.parse(since, Instant::from);
        return !modified.isAfter(sinceInstant);
      } catch (DateTimeParseException ignored) {
        return false;
      }
    }
    return false;
  }

  static String httpDate(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }
}
