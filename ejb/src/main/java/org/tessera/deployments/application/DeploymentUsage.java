package org.tessera.deployments.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.tessera.deployments.infrastructure.DeploymentRows;
import org.tessera.projects.domain.ProjectId;
import org.tessera.projects.domain.ProjectUsage;
import org.tessera.runtime.domain.ResourceProfileUsage;

/** Deployments keep their project from being deleted and their profile from being removed. */
@ApplicationScoped
public class DeploymentUsage implements ProjectUsage, ResourceProfileUsage {

  @Inject DeploymentRows deployments;

  @Override
  public List<String> blockers(ProjectId project) {
    return deployments.ofProject(project.value()).stream().map(d -> "deployment " + d.name() + " of " + d.owner() + " (terminate it first)").toList();
  }

  @Override
  public List<String> usersOf(String profile) {
    return deployments.all().stream().filter(d -> d.profile().equals(profile)).map(d -> "deployment " + d.name() + " of " + d.owner()).toList();
  }
}
