package org.tessera.projects.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** A template name that does not exist. */
@ApplicationException(rollback = true)
public class UnknownProjectTemplateException extends DomainException {

  public UnknownProjectTemplateException(String key) {
    super("There is no template '" + key + "'. Templates: empty, python-notebook, flask-api, dashboard, scheduled-script.");
  }
}
