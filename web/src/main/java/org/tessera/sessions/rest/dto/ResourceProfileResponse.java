package org.tessera.sessions.rest.dto;

import java.util.Map;
import org.tessera.runtime.application.ResourceProfileService.Listed;

/** A resource profile as the seed describes it. */
public record ResourceProfileResponse(String name, String description, boolean userVisible, boolean isDefault, String cpu, String memory, int gpus, Map<String, String> nodeSelector) {

  public static ResourceProfileResponse from(Listed listed) {
    var p = listed.profile();
    return new ResourceProfileResponse(p.name(), p.description(), p.userVisible(), listed.isDefault(), p.cpu(), p.memory(), p.gpus(), p.nodeSelector());
  }
}
