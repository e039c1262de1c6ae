package org.tessera.channels.domain;

import jakarta.ejb.ApplicationException;
import java.util.List;
import org.tessera.shared.domain.DomainException;

/** A mirror's YAML cannot be used as given; nothing was started. Lists every problem found. */
@ApplicationException(rollback = true)
public class InvalidMirrorConfigException extends DomainException {

  private final List<MirrorConfigProblem> problems;

  public InvalidMirrorConfigException(List<MirrorConfigProblem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public List<MirrorConfigProblem> problems() {
    return problems;
  }

  private static String summary(List<MirrorConfigProblem> problems) {
    MirrorConfigProblem first = problems.get(0);
    return "The mirror configuration is not valid: " + first.message() + " (line " + first.line() + ", column " + first.column() + ")"
        + (problems.size() > 1 ? " and " + (problems.size() - 1) + " more problem(s), listed under errors" : "") + ". Fix the YAML and start the mirror again.";
  }
}
