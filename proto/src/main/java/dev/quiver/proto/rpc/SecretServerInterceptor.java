package dev.quiver.proto.rpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/** Refuses every call that does not carry the server's shared secret, before any service code runs. */
public final class SecretServerInterceptor implements ServerInterceptor {
  static final String MISSING = "This Quiver server requires a shared secret, but the call carried none. Set "
      + SharedSecret.SETTING + " (or the environment variable " + SharedSecret.ENV + ") to the secret the "
      + "driver was started with.";
  static final String WRONG = "The shared secret does not match this Quiver server's. Set "
      + SharedSecret.SETTING + " (or the environment variable " + SharedSecret.ENV + ") to the secret the "
      + "driver was started with.";

  private final String secret;

  public SecretServerInterceptor(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("A shared secret must not be blank");
    }
    this.secret = secret;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String given = headers.get(SharedSecret.KEY);
    if (given == null || !SharedSecret.matches(secret, given)) {
      call.close(Status.UNAUTHENTICATED.withDescription(given == null ? MISSING : WRONG), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return next.startCall(call, headers);
  }
}
