package org.tessera.deployments.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rules for the environment variables a deployment is given on top of its project's: names as a
 * shell takes them, values of bounded size, and none of the names through which Tessera tells the
 * app where to listen or who it is.
 */
public final class DeploymentVariables {

  public static final int MAX_COUNT = 64;
  public static final int MAX_NAME = 128;
  public static final int MAX_VALUE = 4096;

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> RESERVED = Set.of("HOST", "PORT", "URL_PREFIX", "ANACONDA_PROJECT_URL_PREFIX");
  private static final String RESERVED_PREFIX = "TESSERA_";

  private DeploymentVariables() {}

  /**
   * {@code variables} checked and sorted by name; an empty map for null.
   *
   * @throws InvalidDeploymentRequestException on field {@code variables}, naming the variable and the rule
   */
  public static Map<String, String> checked(Map<String, String> variables) {
    if (variables == null) {
      return Map.of();
    }
    if (variables.size() > MAX_COUNT) {
      throw refusal("A deployment takes at most " + MAX_COUNT + " variables, not " + variables.size() + "; set the others in the project's anaconda-project.yml.");
    }
    Map<String, String> sorted = new TreeMap<>();
    variables.forEach((name, value) -> {
      String key = name == null ? "" : name.strip();
      if (key.length() > MAX_NAME || !NAME.matcher(key).matches()) {
        throw refusal("'" + key + "' is not a variable name: use letters, digits and '_', not starting with a digit, at most " + MAX_NAME + " characters, like GREETING.");
      }
      if (RESERVED.contains(key.toUpperCase(Locale.ROOT)) || key.toUpperCase(Locale.ROOT).startsWith(RESERVED_PREFIX)) {
        throw refusal(key + " is set by Tessera (HOST, PORT, URL_PREFIX, ANACONDA_PROJECT_URL_PREFIX and TESSERA_*); choose another name.");
      }
      if (value == null) {
        throw refusal(key + " has no value; send \"\" for an empty one, or leave the variable out.");
      }
      if (value.length() > MAX_VALUE || value.indexOf('\0') >= 0) {
        throw refusal("The value of " + key + " must be at most " + MAX_VALUE + " characters, without NUL characters.");
      }
      sorted.put(key, value);
    });
    return sorted;
  }

  private static InvalidDeploymentRequestException refusal(String message) {
    return new InvalidDeploymentRequestException("variables", message);
  }
}
