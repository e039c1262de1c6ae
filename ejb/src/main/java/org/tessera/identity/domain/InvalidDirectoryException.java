package org.tessera.identity.domain;

import jakarta.ejb.ApplicationException;
import java.util.List;
import org.tessera.shared.domain.DomainException;

/** Directory settings that cannot be saved; {@link #problems()} names each field to fix. */
@ApplicationException(rollback = true)
public class InvalidDirectoryException extends DomainException {

  /** One field and what is wrong with it. */
  public record FieldProblem(String field, String message) {}

  private final List<FieldProblem> problems;

  public InvalidDirectoryException(List<FieldProblem> problems) {
    super(problems.size() == 1 ? problems.get(0).message() : problems.size() + " directory settings are invalid; correct them and retry: " + problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  public InvalidDirectoryException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
