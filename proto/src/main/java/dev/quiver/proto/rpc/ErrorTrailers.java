package dev.quiver.proto.rpc;

import dev.quiver.proto.ErrorProto;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import java.util.Optional;

/**
 * Carries a user-facing error in the trailers of a failed call, so the caller can rethrow the exact exception
 * (planner.serde.ErrorSerde turns it back into one) instead of a gRPC status.
 */
public final class ErrorTrailers {
  static final Metadata.Key<ErrorProto> KEY = ProtoUtils.keyForProto(ErrorProto.getDefaultInstance());
  /** The status description is for gRPC tools and logs only; the full message is in the trailer. */
  private static final int DESCRIPTION_CHARS = 1000;

  private ErrorTrailers() {}

  public static StatusRuntimeException toStatus(ErrorProto error) {
    Metadata trailers = new Metadata();
    trailers.put(KEY, error);
    String message = error.getMessage();
    String description = message.length() <= DESCRIPTION_CHARS ? message
        : message.substring(0, DESCRIPTION_CHARS) + "...";
    return Status.UNKNOWN.withDescription(description).asRuntimeException(trailers);
  }

  /** The error a failed call carried, if it came from a Quiver service (not from the transport). */
  public static Optional<ErrorProto> errorOf(StatusRuntimeException e) {
    Metadata trailers = e.getTrailers();
    return trailers == null ? Optional.empty() : Optional.ofNullable(trailers.get(KEY));
  }
}
