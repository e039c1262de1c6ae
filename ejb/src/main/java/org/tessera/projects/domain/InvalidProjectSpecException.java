package org.tessera.projects.domain;

import jakarta.ejb.ApplicationException;
import java.util.List;
import org.tessera.shared.domain.DomainException;

/** An {@code anaconda-project.yml} that cannot be used, with every problem found in it. */
@ApplicationException(rollback = true)
public class InvalidProjectSpecException extends DomainException {

  private final List<ProjectSpecProblem> problems;

  public InvalidProjectSpecException(List<ProjectSpecProblem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public List<ProjectSpecProblem> problems() {
    return problems;
  }

  private static String summary(List<ProjectSpecProblem> problems) {
    return "anaconda-project.yml has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
        + "; fix " + (problems.size() == 1 ? "it" : "them") + " and try again: " + problems.get(0)
        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
  }
}
