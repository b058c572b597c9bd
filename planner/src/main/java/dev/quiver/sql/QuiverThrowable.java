package dev.quiver.sql;

/**
 * What every error a user can cause carries, like Spark's SparkThrowable: a stable error class
 * ({@code DIVIDE_BY_ZERO}, {@code UNRESOLVED_COLUMN.WITH_SUGGESTION}) besides the message. The error class
 * lets a remote driver rebuild the same exception on the client.
 */
public interface QuiverThrowable {
  /** The stable, upper-case name of the error, e.g. {@code PATH_NOT_FOUND}; null for unclassified errors. */
  String getErrorClass();

  /** The SQLSTATE Spark gives this error class, or null. */
  default String getSqlState() {
    return null;
  }
}
