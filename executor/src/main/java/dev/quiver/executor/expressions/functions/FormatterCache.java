package dev.quiver.executor.expressions.functions;

import java.time.format.DateTimeFormatter;

/**
 * The formatter of the last datetime pattern a kernel saw, rebuilt only when the pattern changes (patterns
 * are usually constant, and building a formatter costs far more than using one). One per evaluator.
 */
final class FormatterCache {
  private final boolean parsing;
  private String pattern;
  private DateTimeFormatter formatter;

  /** {@code parsing}: formatters that parse text rather than print it. */
  FormatterCache(boolean parsing) {
    this.parsing = parsing;
  }

  DateTimeFormatter get(String p) {
    if (!p.equals(pattern)) {
      formatter = parsing ? DateTimeFormats.parser(p) : DateTimeFormats.formatter(p);
      pattern = p;
    }
    return formatter;
  }
}
