package org.tessera.shared.domain;

/**
 * A rule of the domain refused an operation. Subclasses are named after the case and say in
 * their message how the caller can recover; the web layer maps them to problem+json by class.
 */
public abstract class DomainException extends RuntimeException {

  protected DomainException(String message) {
    super(message);
  }
}
