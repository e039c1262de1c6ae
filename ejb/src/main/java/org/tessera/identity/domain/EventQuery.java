package org.tessera.identity.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The seed's filters for login events ({@code types}: LOGIN, LOGIN_ERROR, LOGOUT, ...; {@code user};
 * {@code client}) and admin events ({@code types}: operations CREATE, UPDATE, DELETE, ACTION;
 * {@code user}: who acted; {@code resourceType}, {@code resourcePath}), a range of dates (inclusive)
 * and a page. Every filter is optional; pages start at 0; at most {@link #MAX_SIZE} per page.
 */
public record EventQuery(List<String> types, String user, String client, String resourceType, String resourcePath, LocalDate from, LocalDate to, int page, int size)
    implements java.io.Serializable {

  public static final int MAX_SIZE = 100;

  public EventQuery {
    types = types == null ? List.of() : types.stream().filter(t -> t != null && !t.isBlank()).map(t -> t.strip().toUpperCase(Locale.ROOT)).distinct().toList();
    for (String type : types) {
      if (!type.matches("[A-Z_]{2,64}")) {
        throw new InvalidUserRequestException("type", "'" + type + "' is not an event type; use names such as LOGIN, LOGIN_ERROR, LOGOUT, CODE_TO_TOKEN (login events) or CREATE, UPDATE, DELETE, ACTION (admin events).");
      }
    }
    resourceType = blankToNull(resourceType) == null ? null : resourceType.strip().toUpperCase(Locale.ROOT);
    if (resourceType != null && !resourceType.matches("[A-Z_]{2,64}")) {
      throw new InvalidUserRequestException("resourceType", "'" + resourceType + "' is not a resource type; use names such as USER, GROUP, REALM_ROLE_MAPPING, GROUP_MEMBERSHIP, REALM.");
    }
    user = blankToNull(user);
    client = blankToNull(client);
    resourcePath = blankToNull(resourcePath);
    if (page < 0) {
      throw new InvalidUserRequestException("page", "The page must be 0 or more; pages start at 0.");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidUserRequestException("size", "The page size must be between 1 and " + MAX_SIZE + " (the seed offers 5, 10, 50 or 100).");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidUserRequestException("from", "The start date " + from + " is after the end date " + to + "; swap them.");
    }
  }

  /** Parses {@code yyyy-MM-dd} for {@code field}, or null for a blank value. */
  public static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidUserRequestException(field, "'" + value + "' is not a date; write it as yyyy-MM-dd, e.g. 2026-01-31.");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
