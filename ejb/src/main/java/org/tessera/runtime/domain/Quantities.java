package org.tessera.runtime.domain;

import java.math.BigDecimal;
import java.util.Map;

/** Kubernetes resource quantities ({@code 512Mi}, {@code 2Gi}, {@code 1G}, {@code 500m}) as numbers. */
public final class Quantities {

  private static final Map<String, Long> SUFFIXES = Map.of(
      "Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30, "Ti", 1L << 40,
      "k", 1_000L, "M", 1_000_000L, "G", 1_000_000_000L, "T", 1_000_000_000_000L);

  private Quantities() {}

  /** A memory quantity in bytes. @throws IllegalArgumentException naming the accepted forms */
  public static long bytes(String quantity) {
    String value = quantity == null ? "" : quantity.strip();
    for (Map.Entry<String, Long> suffix : SUFFIXES.entrySet()) {
      if (value.endsWith(suffix.getKey()) && value.length() > suffix.getKey().length()) {
        return number(value.substring(0, value.length() - suffix.getKey().length()), quantity).multiply(BigDecimal.valueOf(suffix.getValue())).longValueExact();
      }
    }
    return number(value, quantity).longValueExact();
  }

  /** A CPU quantity in thousandths of a core ({@code 2} is 2000, {@code 500m} is 500). */
  public static long millicores(String quantity) {
    String value = quantity == null ? "" : quantity.strip();
    if (value.endsWith("m")) {
      return number(value.substring(0, value.length() - 1), quantity).longValueExact();
    }
    return number(value, quantity).multiply(BigDecimal.valueOf(1000)).longValue();
  }

  private static BigDecimal number(String digits, String quantity) {
    try {
      BigDecimal number = new BigDecimal(digits);
      if (number.signum() <= 0) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + quantity + "' is not a resource quantity; write memory like 512Mi or 4Gi and CPU like 2 or 500m.");
    }
  }
}
