package org.tessera.channels.domain;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Orders version strings the way people read them: {@code 1.10} after {@code 1.9}, and a
 * pre-release ({@code 2.0rc1}, {@code 2.0.dev1}) before its release. Close enough to conda's and
 * PEP 440's orders for listing versions newest first; the solvers keep their own.
 */
public final class VersionOrder implements Comparator<String> {

  public static final VersionOrder INSTANCE = new VersionOrder();

  @Override
  public int compare(String a, String b) {
    String[] left = a.toLowerCase(java.util.Locale.ROOT).split("[._+!-]|(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
    String[] right = b.toLowerCase(java.util.Locale.ROOT).split("[._+!-]|(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      String l = i < left.length ? left[i] : "";
      String r = i < right.length ? right[i] : "";
      int c = comparePart(l, r);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int comparePart(String l, String r) {
    boolean ln = !l.isEmpty() && l.chars().allMatch(Character::isDigit);
    boolean rn = !r.isEmpty() && r.chars().allMatch(Character::isDigit);
    if (ln && rn) {
      return new BigInteger(l).compareTo(new BigInteger(r));
    }
    // A missing part sorts after a pre-release tag (2.0 > 2.0rc1) and before a number or a
    // post-release tag (2.0 < 2.0.1, 2.0 < 2.0.post1).
    if (l.isEmpty()) {
      return r.isEmpty() ? 0 : rn || r.equals("post") ? -1 : 1;
    }
    if (r.isEmpty()) {
      return ln || l.equals("post") ? 1 : -1;
    }
    if (ln != rn) {
      return ln ? 1 : -1;
    }
    return l.compareTo(r);
  }
}
