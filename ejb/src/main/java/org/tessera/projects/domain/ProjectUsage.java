package org.tessera.projects.domain;

import java.util.List;

/**
 * Something running from a project that keeps it from being deleted: a session, a deployment, a
 * job. Each context that runs project workloads provides one; projects ask all of them.
 */
public interface ProjectUsage {

  /** What uses the project now, each as a short line a user can act on ("session 3f2a (running)"). */
  List<String> blockers(ProjectId project);
}
