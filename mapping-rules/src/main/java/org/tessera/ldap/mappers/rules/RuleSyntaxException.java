package org.tessera.ldap.mappers.rules;

/**
 * A rule that cannot be parsed. The message starts with "Line N:" (N counts from 1 over all rule
 * lines, blank and comment lines included) and says what to write instead.
 */
public final class RuleSyntaxException extends IllegalArgumentException {

  private final int line;

  public RuleSyntaxException(int line, String problem) {
    super("Line " + line + ": " + problem);
    this.line = line;
  }

  /** The 1-based line the problem is on. */
  public int line() {
    return line;
  }
}
