package org.tessera.projects.domain;

import java.util.regex.Pattern;

/**
 * A project's name: unique per owner and part of its git URL ({@code /git/OWNER/NAME.git}), so
 * only letters, digits, {@code -} and {@code _}, starting with a letter or digit, at most {@link
 * #MAX_LENGTH} characters (the seed: "no spaces or special characters").
 */
public record ProjectName(String value) {

  public static final int MAX_LENGTH = 64;
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  public ProjectName {
    if (value == null || value.isBlank()) {
      throw new InvalidProjectNameException("A project needs a name.");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidProjectNameException("'" + value.substring(0, 20) + "…' is longer than " + MAX_LENGTH + " characters; choose a shorter name.");
    }
    if (!ALLOWED.matcher(value).matches()) {
      throw new InvalidProjectNameException(
          "'" + value + "' is not a valid project name: use letters, digits, - and _ only, starting with a letter or digit (no spaces or other characters).");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
