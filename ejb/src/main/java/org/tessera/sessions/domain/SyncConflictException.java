package org.tessera.sessions.domain;

import java.util.List;
import org.tessera.shared.domain.DomainException;

/** A commit or fetch that stopped at files changed both in the session and in the project. */
public class SyncConflictException extends DomainException {

  private final List<String> conflicts;

  private SyncConflictException(String message, List<String> conflicts) {
    super(message);
    this.conflicts = List.copyOf(conflicts);
  }

  public static SyncConflictException onFetch(List<String> conflicts) {
    return new SyncConflictException("These files changed both here and in the project: " + String.join(", ", conflicts)
        + ". Fetch again with resolution \"theirs\" (keep theirs: lose your changes), \"mine\" (keep mine: overwrite theirs when you commit)"
        + " or \"both\" (keep both: theirs saved as NAME (USER's conflicted file)), or cancel.", conflicts);
  }

  public static SyncConflictException onCommit(List<String> conflicts) {
    return new SyncConflictException("These files changed both here and in the project: " + String.join(", ", conflicts)
        + ". Commit again with \"proceed\": true to overwrite the collaborators' changes, commit only the other files (\"paths\"), or cancel.", conflicts);
  }

  public List<String> conflicts() {
    return conflicts;
  }
}
