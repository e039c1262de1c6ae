package org.tessera.identity.domain;

import java.util.List;

/** One page of a user search; pages start at 0, {@code total} counts every match. */
public record RealmUserPage(List<RealmUser> users, long total, int page, int size) implements java.io.Serializable {

  public boolean hasNext() {
    return (long) (page + 1) * size < total;
  }
}
