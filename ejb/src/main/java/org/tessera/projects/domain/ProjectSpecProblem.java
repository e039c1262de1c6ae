package org.tessera.projects.domain;

/** One thing wrong in an {@code anaconda-project.yml}, where it is (1-based) and how to fix it. */
public record ProjectSpecProblem(int line, int column, String message) {

  @Override
  public String toString() {
    return "line " + line + ", column " + column + ": " + message;
  }
}
