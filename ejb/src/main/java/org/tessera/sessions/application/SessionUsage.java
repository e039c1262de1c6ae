package org.tessera.sessions.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.tessera.projects.domain.ProjectId;
import org.tessera.projects.domain.ProjectUsage;
import org.tessera.runtime.domain.ResourceProfileUsage;
import org.tessera.runtime.domain.WorkloadRuntime;
import org.tessera.sessions.domain.Session;
import org.tessera.sessions.infrastructure.SessionRows;

/** Running sessions keep their project from being deleted and their profile from being removed. */
@ApplicationScoped
public class SessionUsage implements ProjectUsage, ResourceProfileUsage {

  @Inject SessionRows sessions;
  @Inject WorkloadRuntime runtime;

  private List<Session> running() {
    return sessions.notStopped().stream().filter(s -> runtime.status(s.id()).map(st -> !st.phase().isFinal()).orElse(false)).toList();
  }

  @Override
  public List<String> blockers(ProjectId project) {
    return running().stream().filter(s -> s.projectId().equals(project.value())).map(s -> "session " + s.id() + " of " + s.owner() + " (running)").toList();
  }

  @Override
  public List<String> usersOf(String profile) {
    return running().stream().filter(s -> s.profile().equals(profile)).map(s -> "session " + s.id() + " of " + s.owner() + " (running)").toList();
  }
}
