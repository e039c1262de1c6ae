package org.tessera.runtime.domain;

import java.util.List;
import org.tessera.shared.domain.DomainException;

/** Deleting a profile that running sessions or deployments use. */
public class ResourceProfileInUseException extends DomainException {

  private final List<String> users;

  public ResourceProfileInUseException(String name, List<String> users) {
    super("Resource profile '" + name + "' is used by " + String.join("; ", users) + ". Stop them, or wait until they end, then delete it.");
    this.users = List.copyOf(users);
  }

  public List<String> users() {
    return users;
  }
}
