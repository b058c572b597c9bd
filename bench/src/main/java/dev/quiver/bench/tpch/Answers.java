package dev.quiver.bench.tpch;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Compares one engine's answer with a reference answer: same row count, rows in the same order (every
 * TPC-H query orders its result totally, or returns one row), numbers equal within a relative tolerance
 * (sums of doubles differ in the last bits with the order of addition), dates and text equal.
 */
public final class Answers {
  private static final double RELATIVE_TOLERANCE = 1e-9;
  private static final double ABSOLUTE_TOLERANCE = 1e-6;

  private Answers() {}

  /** The first difference, described for a person, or empty when the answers agree. */
  public static Optional<String> difference(List<List<Object>> expected, List<List<Object>> actual) {
    if (expected.size() != actual.size()) {
      return Optional.of("expected " + expected.size() + " rows but got " + actual.size()
          + sample("expected", expected) + sample("actual", actual));
    }
    for (int r = 0; r < expected.size(); r++) {
      List<Object> e = expected.get(r);
      List<Object> a = actual.get(r);
      if (e.size() != a.size()) {
        return Optional.of("row " + r + ": expected " + e.size() + " columns but got " + a.size());
      }
      for (int c = 0; c < e.size(); c++) {
        if (!same(e.get(c), a.get(c))) {
          return Optional.of(String.format(Locale.ROOT, "row %d column %d: expected %s but got %s (rows %s vs %s)",
              r, c, e.get(c), a.get(c), e, a));
        }
      }
    }
    return Optional.empty();
  }

  private static String sample(String label, List<List<Object>> rows) {
    return "; " + label + " starts " + rows.subList(0, Math.min(3, rows.size()));
  }

  static boolean same(Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (expected instanceof Number e && actual instanceof Number a) {
      if (isIntegral(e) && isIntegral(a)) {
        return e.longValue() == a.longValue();
      }
      double x = e.doubleValue();
      double y = a.doubleValue();
      return Math.abs(x - y) <= Math.max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y)));
    }
    return text(expected).equals(text(actual));
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
        || n instanceof java.math.BigInteger || (n instanceof BigDecimal d && d.scale() <= 0);
  }

  /** Dates print as yyyy-MM-dd whether they arrive as java.sql.Date or LocalDate. */
  private static String text(Object value) {
    return value.toString();
  }
}
