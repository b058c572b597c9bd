package dev.quiver.formats.commit;

import dev.quiver.sql.AnalysisException;
import java.util.Locale;

/** What a write does when its output path already exists: Spark's {@code SaveMode}. */
public enum WriteMode {
  /** Fail with {@code [PATH_ALREADY_EXISTS]}; the default. */
  ERROR_IF_EXISTS,
  /** Replace the whole output path once the new data is complete. */
  OVERWRITE,
  /** Add new files beside the existing ones. */
  APPEND,
  /** Write nothing. */
  IGNORE;

  /** Spark's {@code DataFrameWriter.mode(String)} names, case-insensitive. */
  public static WriteMode fromString(String mode) {
    switch (mode.toLowerCase(Locale.ROOT)) {
      case "overwrite":
        return OVERWRITE;
      case "append":
        return APPEND;
      case "ignore":
        return IGNORE;
      case "error":
      case "errorifexists":
      case "default":
        return ERROR_IF_EXISTS;
      default:
        throw new AnalysisException("INVALID_SAVE_MODE", "The specified save mode \"" + mode + "\" is invalid. "
            + "Valid save modes include \"append\", \"overwrite\", \"ignore\", \"error\", \"errorifexists\", "
            + "and \"default\".", "42000");
    }
  }
}
