package org.tessera.identity.domain;

import jakarta.ejb.ApplicationException;
import java.util.List;
import org.tessera.shared.domain.DomainException;

/** Realm settings that cannot be saved; {@link #problems()} names each field to fix. Nothing was changed. */
@ApplicationException(rollback = true)
public class InvalidRealmSettingsException extends DomainException {

  /** One field and what is wrong with it. */
  public record FieldProblem(String field, String message) implements java.io.Serializable {}

  private final List<FieldProblem> problems;

  public InvalidRealmSettingsException(List<FieldProblem> problems) {
    super(problems.size() == 1 ? problems.get(0).message() : problems.size() + " settings are invalid; nothing was saved. First: " + problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  public InvalidRealmSettingsException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
