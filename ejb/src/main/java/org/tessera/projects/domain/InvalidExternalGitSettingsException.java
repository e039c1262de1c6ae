package org.tessera.projects.domain;

import jakarta.ejb.ApplicationException;
import java.util.Map;
import org.tessera.shared.domain.DomainException;

/** The external git setting has invalid fields; {@link #errors()} names each with what to fix. */
@ApplicationException(rollback = true)
public class InvalidExternalGitSettingsException extends DomainException {

  private final Map<String, String> errors;

  public InvalidExternalGitSettingsException(Map<String, String> errors) {
    super("The external git setting was not saved: " + String.join(" ", errors.values()));
    this.errors = Map.copyOf(errors);
  }

  /** Field name → what is wrong with it and how to fix it. */
  public Map<String, String> errors() {
    return errors;
  }
}
