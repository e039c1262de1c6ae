package org.tessera.projects.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a project's repository on the external git service, as the seed's {@code repository}
 * setting writes it: {@code '{owner}-{id}'} by default. Placeholders are {@code {owner}}, {@code
 * {id}} and {@code {name}}; the rest is literal. A template must name each project apart, so it
 * holds {@code {id}}, or {@code {owner}} and {@code {name}} together (names are unique per owner).
 */
public record RepositoryTemplate(String value) {

  public static final String DEFAULT = "{owner}-{id}";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
  private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._-]*");
  private static final int MAX_LENGTH = 100;

  /** Why {@code value} is not a usable template, or empty when it is. */
  public static Optional<String> problem(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of("The repository template is empty; use for example " + DEFAULT + ".");
    }
    if (value.length() > MAX_LENGTH) {
      return Optional.of("The repository template is longer than " + MAX_LENGTH + " characters; shorten it.");
    }
    Matcher m = PLACEHOLDER.matcher(value);
    int last = 0;
    boolean owner = false;
    boolean id = false;
    boolean name = false;
    while (m.find()) {
      String literal = value.substring(last, m.start());
      if (!LITERAL.matcher(literal).matches()) {
        return Optional.of(badLiteral(literal));
      }
      switch (m.group(1)) {
        case "owner" -> owner = true;
        case "id" -> id = true;
        case "name" -> name = true;
        default -> {
          return Optional.of("The repository template has an unknown placeholder {" + m.group(1) + "}; use {owner}, {id} and {name}.");
        }
      }
      last = m.end();
    }
    if (!LITERAL.matcher(value.substring(last)).matches()) {
      return Optional.of(badLiteral(value.substring(last)));
    }
    if (!id && !(owner && name)) {
      return Optional.of("The repository template must contain {id}, or {owner} and {name}, so that each project gets its own repository; for example " + DEFAULT + ".");
    }
    return Optional.empty();
  }

  private static String badLiteral(String literal) {
    return "The repository template may contain only letters, digits, '.', '_', '-' and the placeholders {owner}, {id} and {name}; remove '"
        + literal.replaceAll("[A-Za-z0-9._-]", "") + "'.";
  }

  public RepositoryTemplate {
    problem(value).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
  }

  /**
   * The repository name of one project. Characters that git services refuse in repository names
   * (an owner may be an e-mail address) become {@code -}.
   */
  public String expand(String owner, ProjectId id, String name) {
    return value.replace("{owner}", safe(owner)).replace("{id}", id.value()).replace("{name}", safe(name));
  }

  private static String safe(String part) {
    return part.replaceAll("[^A-Za-z0-9._-]", "-");
  }
}
