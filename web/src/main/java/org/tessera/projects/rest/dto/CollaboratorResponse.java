package org.tessera.projects.rest.dto;

import java.util.Locale;
import org.tessera.projects.domain.Collaborator;

/** One share: {@code kind} is user or group, {@code permission} read or write. */
public record CollaboratorResponse(String kind, String name, String permission) {

  public static CollaboratorResponse from(Collaborator c) {
    return new CollaboratorResponse(c.kind().name().toLowerCase(Locale.ROOT), c.name(), c.access().key());
  }
}
