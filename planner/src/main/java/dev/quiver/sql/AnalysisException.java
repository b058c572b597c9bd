package dev.quiver.sql;

/**
 * A query that cannot be analyzed: an unknown column, table or function, or a type mismatch. Thrown when
 * the DataFrame is built, before anything runs, as in Spark.
 */
public class AnalysisException extends QuiverException {
  private static final long serialVersionUID = 1L;

  public AnalysisException(String message) {
    super(null, message, null, null);
  }

  public AnalysisException(String errorClass, String text, String sqlState) {
    super(errorClass, text, sqlState, null);
  }

  public AnalysisException(String errorClass, String text, String sqlState, Throwable cause) {
    super(errorClass, text, sqlState, cause);
  }
}
