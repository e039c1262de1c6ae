package org.tessera.identity.rest.dto;

import org.tessera.identity.domain.AdminEvent;

/** An admin event: who changed which resource of the realm. */
public record AdminEventResponse(String time, String operation, String resourceType, String resourcePath, String user, String client, String ipAddress, String error) {

  public static AdminEventResponse from(AdminEvent e) {
    return new AdminEventResponse(e.time() == null ? null : e.time().toString(), e.operation(), e.resourceType(), e.resourcePath(), e.user(), e.client(), e.ipAddress(), e.error());
  }
}
