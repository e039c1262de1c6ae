package org.tessera.identity.domain;

import jakarta.ejb.ApplicationException;
import java.util.List;
import org.tessera.shared.domain.DomainException;

/** Identity provider settings that cannot be saved; {@link #problems()} names each field to fix. */
@ApplicationException(rollback = true)
public class InvalidIdentityProviderException extends DomainException {

  /** One field (e.g. {@code metadataUrl}, {@code mappers[1].role}) and what is wrong with it. */
  public record FieldProblem(String field, String message) implements java.io.Serializable {}

  private final List<FieldProblem> problems;

  public InvalidIdentityProviderException(List<FieldProblem> problems) {
    super(problems.size() == 1 ? problems.get(0).message() : problems.size() + " identity provider settings are invalid; correct them and retry: " + problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  public InvalidIdentityProviderException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
