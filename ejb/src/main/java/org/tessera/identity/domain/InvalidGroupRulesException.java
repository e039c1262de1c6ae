package org.tessera.identity.domain;

import jakarta.ejb.ApplicationException;
import java.util.List;
import org.tessera.shared.domain.DomainException;

/**
 * Group rules or rule-mapper settings that cannot be saved or previewed; {@link #problems()} names
 * each field ({@code rules[2]}, {@code groupsDn}, ...) and what to write instead.
 */
@ApplicationException(rollback = true)
public class InvalidGroupRulesException extends DomainException {

  private final List<InvalidDirectoryException.FieldProblem> problems;

  public InvalidGroupRulesException(List<InvalidDirectoryException.FieldProblem> problems) {
    super(problems.size() == 1 ? problems.get(0).message() : problems.size() + " problems in the group rules; correct them and retry. First: " + problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  public InvalidGroupRulesException(String field, String message) {
    this(List.of(new InvalidDirectoryException.FieldProblem(field, message)));
  }

  public List<InvalidDirectoryException.FieldProblem> problems() {
    return problems;
  }
}
