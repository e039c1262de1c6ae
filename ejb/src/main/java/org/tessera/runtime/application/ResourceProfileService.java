package org.tessera.runtime.application;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.tessera.identity.domain.UserProfile;
import org.tessera.runtime.domain.ResourceProfile;

/** The admin-managed resource profiles that sessions and deployments run with. */
public interface ResourceProfileService {

  /** A profile with whether it is the default. */
  record Listed(ResourceProfile profile, boolean isDefault) {}

  /** Defaults first, then by name; users see the user-visible ones, administrators all. */
  List<Listed> list(@NotNull(message = "A signed-in user is required.") UserProfile caller);

  /**
   * The profile a user may run with: the named one if visible to them, the default for a blank name.
   *
   * @throws org.tessera.runtime.domain.ResourceProfileNotFoundException otherwise
   */
  ResourceProfile choose(@NotNull(message = "A signed-in user is required.") UserProfile caller, String name);

  /** Creates or replaces a profile (administrators); making one the default takes it from the others. */
  Listed save(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A profile is required.") ResourceProfile profile, boolean isDefault);

  /** Deletes a profile nothing uses (administrators); the last default cannot go. */
  void delete(@NotNull(message = "A signed-in user is required.") UserProfile caller, String name);
}
