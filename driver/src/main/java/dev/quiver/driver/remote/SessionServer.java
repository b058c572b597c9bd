package dev.quiver.driver.remote;

import dev.quiver.proto.rpc.Rpc;
import dev.quiver.sql.QuiverException;
import io.grpc.Server;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A gRPC server that serves only the client protocol ({@link SessionService}). The cluster driver adds the
 * same service to its own server; this one lets clients be served by any {@link SessionBackendFactory}, e.g.
 * in tests or an embedded driver.
 */
public final class SessionServer implements AutoCloseable {
  private final Server server;
  private final SessionService service;
  private final String host;

  private SessionServer(Server server, SessionService service, String host) {
    this.server = server;
    this.service = service;
    this.host = host;
  }

  /** Starts serving on {@code host:port} (port 0: any free port); with a secret, calls without it are refused. */
  public static SessionServer start(String host, int port, SessionBackendFactory factory, Optional<String> secret) {
    return start(host, port, factory, secret, SessionService.DEFAULT_IDLE_TIMEOUT);
  }

  public static SessionServer start(String host, int port, SessionBackendFactory factory, Optional<String> secret,
      Duration idleTimeout) {
    SessionService service = new SessionService(factory, idleTimeout);
    try {
      return new SessionServer(Rpc.startServer(host, port, secret, List.of(service)), service, host);
    } catch (IOException e) {
      service.close();
      throw new QuiverException("Could not start the Quiver session server on " + host + ":" + port + " ("
          + e.getMessage() + "). Is the port already in use? Choose another with --port.", e);
    }
  }

  public int port() {
    return server.getPort();
  }

  /** The master URL clients use: {@code quiver://host:port}. */
  public String url() {
    return "quiver://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
  }

  public SessionService service() {
    return service;
  }

  /** Stops accepting calls and stops every client session. */
  @Override
  public void close() {
    service.close();
    Rpc.close(server);
  }
}
