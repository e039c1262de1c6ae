package org.tessera.runtime.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.UserProfile;
import org.tessera.runtime.domain.InvalidResourceProfileException;
import org.tessera.runtime.domain.ResourceProfile;
import org.tessera.runtime.domain.ResourceProfileInUseException;
import org.tessera.runtime.domain.ResourceProfileNotFoundException;
import org.tessera.runtime.domain.ResourceProfileUsage;
import org.tessera.runtime.infrastructure.ResourceProfileRows;

/** Resource profiles in the {@code resource_profile} table. */
@Stateless
@Local(ResourceProfileService.class)
public class ResourceProfileServiceBean implements ResourceProfileService {

  @Inject ResourceProfileRows rows;
  @Inject Instance<ResourceProfileUsage> usages;
  @EJB AuditService audit;

  @Override
  @PermitAll
  public List<Listed> list(UserProfile caller) {
    boolean admin = caller.hasRole(Roles.ADMIN);
    return rows.all().stream()
        .filter(l -> admin || l.profile().userVisible())
        .sorted(Comparator.comparing((Listed l) -> !l.isDefault()).thenComparing(l -> l.profile().name()))
        .toList();
  }

  @Override
  @PermitAll
  public ResourceProfile choose(UserProfile caller, String name) {
    List<Listed> visible = list(caller);
    if (name == null || name.isBlank()) {
      return visible.stream().filter(Listed::isDefault).findFirst().or(() -> visible.stream().findFirst()).map(Listed::profile)
          .orElseThrow(() -> new ResourceProfileNotFoundException("(default)"));
    }
    return visible.stream().map(Listed::profile).filter(p -> p.name().equals(name.strip())).findFirst().orElseThrow(() -> new ResourceProfileNotFoundException(name));
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Listed save(UserProfile caller, ResourceProfile profile, boolean isDefault) {
    boolean wasDefault = rows.all().stream().anyMatch(l -> l.isDefault() && l.profile().name().equals(profile.name()));
    if (wasDefault && !isDefault) {
      throw new InvalidResourceProfileException("isDefault", "'" + profile.name() + "' is the default profile; make another profile the default instead.");
    }
    rows.save(profile, isDefault);
    audit.record(new AuditRecord(caller.username(), "runtime.profile-saved", "profile:" + profile.name(), null, org.tessera.audit.domain.AuditEvent.Outcome.SUCCESS,
        "cpu=" + profile.cpu() + " memory=" + profile.memory() + " gpus=" + profile.gpus() + " visible=" + profile.userVisible() + " default=" + isDefault));
    return new Listed(profile, isDefault);
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public void delete(UserProfile caller, String name) {
    Listed listed = rows.all().stream().filter(l -> l.profile().name().equals(name)).findFirst().orElseThrow(() -> new ResourceProfileNotFoundException(name));
    if (listed.isDefault()) {
      throw new InvalidResourceProfileException("name", "'" + name + "' is the default profile; make another profile the default before deleting it.");
    }
    List<String> users = new ArrayList<>();
    for (ResourceProfileUsage usage : usages) {
      users.addAll(usage.usersOf(name));
    }
    if (!users.isEmpty()) {
      throw new ResourceProfileInUseException(name, users);
    }
    rows.delete(name);
    audit.record(AuditRecord.success(caller.username(), "runtime.profile-deleted", "profile:" + name, null));
  }
}
