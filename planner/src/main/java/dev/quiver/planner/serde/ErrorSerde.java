package dev.quiver.planner.serde;

import dev.quiver.proto.ErrorKind;
import dev.quiver.proto.ErrorProto;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.ErrorMessages;
import dev.quiver.sql.QuiverArithmeticException;
import dev.quiver.sql.QuiverDateTimeException;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.QuiverNumberFormatException;
import dev.quiver.sql.QuiverThrowable;

/**
 * User-facing errors to and from {@code ErrorProto}, so that an error raised in another process (the driver,
 * a worker) is rethrown with the same type, error class, SQLSTATE and {@code getMessage()} as in local mode.
 * Anything that is not one of Quiver's errors arrives as a QuiverException of class INTERNAL_ERROR naming the
 * original class and message: a stack of another process means nothing to a user.
 */
public final class ErrorSerde {
  static final String INTERNAL_ERROR = "INTERNAL_ERROR";
  static final String INTERNAL_SQL_STATE = "XX000";

  private ErrorSerde() {}

  public static byte[] toBytes(Throwable error) {
    return toProto(error).toByteArray();
  }

  public static RuntimeException fromBytes(byte[] bytes) {
    return fromProto(ProtoBytes.parse(bytes, ErrorProto.parser(), "ErrorProto"));
  }

  public static ErrorProto toProto(Throwable error) {
    ErrorKind kind = kindOf(error);
    ErrorProto.Builder b = ErrorProto.newBuilder().setKind(kind).setOriginalClass(error.getClass().getName());
    String message = error.getMessage() == null ? "" : error.getMessage();
    if (kind == ErrorKind.ERROR_KIND_QUIVER && !(error instanceof QuiverThrowable)) {
      String text = error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage())
          + " (an unexpected error in the remote Quiver process; its log has the stack trace)";
      return b.setErrorClass(INTERNAL_ERROR).setSqlState(INTERNAL_SQL_STATE).setText(text)
          .setMessage(ErrorMessages.format(INTERNAL_ERROR, text, INTERNAL_SQL_STATE)).build();
    }
    String errorClass = null;
    String sqlState = null;
    if (error instanceof QuiverThrowable q) {
      errorClass = q.getErrorClass();
      sqlState = q.getSqlState();
    }
    if (errorClass != null) {
      b.setErrorClass(errorClass);
    }
    if (sqlState != null) {
      b.setSqlState(sqlState);
    }
    return b.setText(textOf(message, errorClass, sqlState)).setMessage(message).build();
  }

  public static RuntimeException fromProto(ErrorProto p) {
    String errorClass = p.getErrorClass().isEmpty() ? null : p.getErrorClass();
    String sqlState = p.getSqlState().isEmpty() ? null : p.getSqlState();
    String text = p.getText();
    // The sender's message is the truth; when the exception class added more than the standard prefix and
    // suffix (ParseException's caret lines), the text alone cannot rebuild it.
    boolean rebuildable = ErrorMessages.format(errorClass, text, sqlState).equals(p.getMessage());
    switch (p.getKind()) {
      case ERROR_KIND_ANALYSIS:
        return rebuildable ? new AnalysisException(errorClass, text, sqlState)
            : new RemoteAnalysisException(errorClass, p.getMessage(), sqlState);
      case ERROR_KIND_ARITHMETIC:
        return new QuiverArithmeticException(errorClass, rebuildable ? text : p.getMessage(),
            rebuildable ? sqlState : null);
      case ERROR_KIND_NUMBER_FORMAT:
        return new QuiverNumberFormatException(errorClass, rebuildable ? text : p.getMessage(),
            rebuildable ? sqlState : null);
      case ERROR_KIND_DATE_TIME:
        return new QuiverDateTimeException(errorClass, rebuildable ? text : p.getMessage(),
            rebuildable ? sqlState : null);
      case ERROR_KIND_ILLEGAL_ARGUMENT:
        return new IllegalArgumentException(p.getMessage());
      case ERROR_KIND_UNSUPPORTED_OPERATION:
        return new UnsupportedOperationException(p.getMessage());
      case ERROR_KIND_QUIVER:
        return rebuildable ? new QuiverException(errorClass, text, sqlState, null)
            : new RemoteQuiverException(errorClass, p.getMessage(), sqlState);
      default:
        return new QuiverException(INTERNAL_ERROR, "An error of a kind this Quiver version does not know ("
            + p.getKind() + ", originally " + p.getOriginalClass() + "): " + p.getMessage()
            + ". Run the same Quiver version on the client, the driver and every worker.", INTERNAL_SQL_STATE,
            null);
    }
  }

  private static ErrorKind kindOf(Throwable error) {
    if (error instanceof AnalysisException) {
      return ErrorKind.ERROR_KIND_ANALYSIS;
    } else if (error instanceof QuiverException) {
      return ErrorKind.ERROR_KIND_QUIVER;
    } else if (error instanceof QuiverArithmeticException) {
      return ErrorKind.ERROR_KIND_ARITHMETIC;
    } else if (error instanceof QuiverNumberFormatException) {
      return ErrorKind.ERROR_KIND_NUMBER_FORMAT;
    } else if (error instanceof QuiverDateTimeException) {
      return ErrorKind.ERROR_KIND_DATE_TIME;
    } else if (error.getClass() == IllegalArgumentException.class) {
      return ErrorKind.ERROR_KIND_ILLEGAL_ARGUMENT;
    } else if (error.getClass() == UnsupportedOperationException.class) {
      return ErrorKind.ERROR_KIND_UNSUPPORTED_OPERATION;
    }
    return ErrorKind.ERROR_KIND_QUIVER;
  }

  /** The message without the {@code [CLASS] } prefix and {@code  SQLSTATE: x} suffix ErrorMessages adds. */
  private static String textOf(String message, String errorClass, String sqlState) {
    String text = message;
    String prefix = errorClass == null ? "" : "[" + errorClass + "] ";
    String suffix = sqlState == null ? "" : " SQLSTATE: " + sqlState;
    if (text.startsWith(prefix)) {
      text = text.substring(prefix.length());
    }
    if (text.endsWith(suffix)) {
      text = text.substring(0, text.length() - suffix.length());
    }
    return text;
  }

  /** An AnalysisException whose message was richer than its text (a parse error's SQL and caret). */
  private static final class RemoteAnalysisException extends AnalysisException {
    private static final long serialVersionUID = 1L;

    private final String message;

    RemoteAnalysisException(String errorClass, String message, String sqlState) {
      super(errorClass, message, sqlState);
      this.message = message;
    }

    @Override
    public String getMessage() {
      return message;
    }
  }

  /** A QuiverException whose class formats its own message (a plan that cannot be decoded). */
  private static final class RemoteQuiverException extends QuiverException {
    private static final long serialVersionUID = 1L;

    private final String message;

    RemoteQuiverException(String errorClass, String message, String sqlState) {
      super(errorClass, message, sqlState, null);
      this.message = message;
    }

    @Override
    public String getMessage() {
      return message;
    }
  }
}
