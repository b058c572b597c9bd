package dev.quiver.proto.rpc;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The one place where Quiver's gRPC servers and channels get their settings, so the driver, the workers and
 * clients agree: the message limit, keep-alives that notice a vanished peer, and the shared secret.
 */
public final class Rpc {
  /**
   * Largest message either side accepts. Plans and results are chunked far below this ({@link #CHUNK_BYTES}),
   * but a plan with a large in-memory relation travels as one message.
   */
  public static final int MAX_MESSAGE_BYTES = 512 << 20;
  /** Size of the pieces large byte payloads (result streams, shuffle blocks) are cut into. */
  public static final int CHUNK_BYTES = 1 << 20;
  /**
   * Largest header/trailer block accepted: errors travel in trailers, and an error message with a long list of
   * suggested columns or a SQL text exceeds gRPC's default of 8 KiB.
   */
  public static final int MAX_METADATA_BYTES = 1 << 20;
  /** Address servers bind to unless told otherwise: only this machine can connect. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  private static final long KEEP_ALIVE_SECONDS = 20;

  private Rpc() {}

  /**
   * Starts a server on {@code host:port} (port 0 picks a free one) serving {@code services}; when a secret is
   * given, every call without it is refused with UNAUTHENTICATED.
   */
  public static Server startServer(String host, int port, Optional<String> secret, List<BindableService> services)
      throws IOException {
    NettyServerBuilder b = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .maxInboundMetadataSize(MAX_METADATA_BYTES)
        .keepAliveTime(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS)
        .keepAliveTimeout(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS)
        .permitKeepAliveTime(KEEP_ALIVE_SECONDS / 2, TimeUnit.SECONDS)
        .permitKeepAliveWithoutCalls(true);
    for (BindableService s : services) {
      b.addService(secret.isPresent()
          ? ServerInterceptors.intercept(s, new SecretServerInterceptor(secret.get())) : s.bindService());
    }
    return b.build().start();
  }

  /** A plaintext channel to {@code host:port} that sends the secret, if any, on every call. */
  public static ManagedChannel channel(String host, int port, Optional<String> secret) {
    NettyChannelBuilder b = NettyChannelBuilder.forAddress(host, port)
        .usePlaintext()
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .maxInboundMetadataSize(MAX_METADATA_BYTES)
        .keepAliveTime(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS)
        .keepAliveTimeout(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS)
        .keepAliveWithoutCalls(true);
    secret.ifPresent(s -> b.intercept(new SecretClientInterceptor(s)));
    return b.build();
  }

  /** Shuts a channel down, waiting briefly for calls in flight. */
  public static void close(ManagedChannel channel) {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Shuts a channel down at once, cancelling calls in flight (their results are no longer wanted). */
  public static void closeNow(ManagedChannel channel) {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops a server, giving calls in flight a moment to finish. */
  public static void close(Server server) {
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
