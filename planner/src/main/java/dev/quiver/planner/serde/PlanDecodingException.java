package dev.quiver.planner.serde;

import dev.quiver.sql.QuiverException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * Bytes that do not decode to a valid plan, expression, type or task: corrupted in transit, or written by a
 * different Quiver version (a oneof case or enum value this version does not know, or a node that fails its
 * own validation). The message names the message type, the case, and the plan nodes above the failure, so
 * that a version mismatch between client, driver and workers is recognizable at a glance.
 */
public final class PlanDecodingException extends QuiverException {
  private static final long serialVersionUID = 1L;

  private final String detail;
  /** Plan nodes from the root down to the failing one, filled in as the exception leaves each level. */
  private final Deque<String> path = new ArrayDeque<>();

  PlanDecodingException(String detail) {
    this(detail, null);
  }

  PlanDecodingException(String detail, Throwable cause) {
    super(detail, cause);
    this.detail = detail;
  }

  /** The exception for a oneof whose case is unset, or is one this version does not handle. */
  static PlanDecodingException unknownCase(String message, Object oneofCase) {
    return new PlanDecodingException(message + " has no known case set (got " + oneofCase + ")");
  }

  /** The exception for an enum field whose value is unset or unknown to this version. */
  static PlanDecodingException unknownEnum(String field, Enum<?> value) {
    return new PlanDecodingException(field + " has no known value (got " + value + ")");
  }

  /**
   * Builds a node, turning the validation of the planner's own constructors (a CASE without branches, an
   * unknown function name, a negative limit) into a PlanDecodingException naming the message: valid bytes
   * can still describe an invalid node when the sender runs another version.
   */
  static <T> T whileBuilding(String message, Supplier<T> build) {
    try {
      return build.get();
    } catch (PlanDecodingException e) {
      throw e;
    } catch (IllegalArgumentException | QuiverException e) {
      throw new PlanDecodingException(message + " does not describe a valid node (" + e.getMessage() + ")", e);
    }
  }

  /** Records that the failure happened below {@code node}; called on the way out of each plan level. */
  PlanDecodingException inside(String node) {
    path.addFirst(node);
    return this;
  }

  @Override
  public String getMessage() {
    StringBuilder sb = new StringBuilder("Cannot decode a Quiver plan: ").append(detail);
    if (!path.isEmpty()) {
      sb.append(" (at ").append(String.join(" > ", path)).append(')');
    }
    return sb.append(". The bytes are corrupted or were written by a different Quiver version; "
        + "run the same Quiver version on the client, the driver and every worker.").toString();
  }
}
