package org.tessera.projects.domain;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A project's stable identity: 16 hex digits, unchanged by renames and transfers. */
public record ProjectId(String value) {

  private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{16}");
  private static final SecureRandom RANDOM = new SecureRandom();

  public ProjectId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new ProjectNotFoundException(String.valueOf(value));
    }
  }

  public static ProjectId random() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return new ProjectId(HexFormat.of().formatHex(bytes));
  }

  @Override
  public String toString() {
    return value;
  }
}
