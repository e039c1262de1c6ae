package org.tessera.identity.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The required actions an admin may set on a user (the seed's drop-down), by Keycloak's alias. */
public enum RequiredAction {
  UPDATE_PASSWORD("Update password"),
  CONFIGURE_TOTP("Configure OTP"),
  TERMS_AND_CONDITIONS("Accept terms and conditions"),
  UPDATE_PROFILE("Update profile"),
  VERIFY_EMAIL("Verify email");

  private final String label;

  RequiredAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The actions named, upper-cased and without duplicates, or {@link InvalidUserRequestException} naming the unknown one. */
  public static List<RequiredAction> parse(List<String> names) {
    if (names == null) {
      throw new InvalidUserRequestException("actions", "Send the required actions as {\"actions\": [...]}, e.g. [\"UPDATE_PASSWORD\"]; an empty list clears them.");
    }
    return names.stream()
        .map(n -> {
          String key = n == null ? "" : n.strip().toUpperCase(Locale.ROOT).replace('-', '_');
          return Arrays.stream(values()).filter(a -> a.name().equals(key)).findFirst()
              .orElseThrow(() -> new InvalidUserRequestException("actions", "Unknown required action '" + n + "'; use " + Arrays.toString(values()) + "."));
        })
        .distinct()
        .toList();
  }
}
