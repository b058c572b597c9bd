package dev.quiver.proto.rpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/** Adds the shared secret to every call made through a channel. */
public final class SecretClientInterceptor implements ClientInterceptor {
  private final String secret;

  public SecretClientInterceptor(String secret) {
    this.secret = secret;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        headers.put(SharedSecret.KEY, secret);
        super.start(listener, headers);
      }
    };
  }
}
