package dev.quiver.formats.csv;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the reader does with a malformed record, as Spark's {@code mode} option. */
enum ParseMode {
  /** Keep the record: fields that do not parse become null, the raw text goes to the corrupt-record column. */
  PERMISSIVE,
  /** Skip the record. */
  DROPMALFORMED,
  /** Fail the read at the first malformed record. */
  FAILFAST;

  private static final Logger LOG = LoggerFactory.getLogger(ParseMode.class);

  /** Case-insensitive; an unknown name falls back to PERMISSIVE with a warning, as Spark does. */
  static ParseMode parse(String name) {
    if (name == null) {
      return PERMISSIVE;
    }
    switch (name.trim().toUpperCase(Locale.ROOT)) {
      case "PERMISSIVE":
        return PERMISSIVE;
      case "DROPMALFORMED":
        return DROPMALFORMED;
      case "FAILFAST":
        return FAILFAST;
      default:
        LOG.warn("{} is not a valid parse mode. Using PERMISSIVE.", name);
        return PERMISSIVE;
    }
  }
}
