package dev.quiver.driver.server;

import dev.quiver.driver.QuiverConf;
import dev.quiver.driver.cluster.Cluster;
import dev.quiver.driver.cluster.ClusterService;
import dev.quiver.driver.cluster.ClusterSessions;
import dev.quiver.driver.remote.SessionService;
import dev.quiver.driver.cluster.StatusPage;
import dev.quiver.proto.rpc.Rpc;
import dev.quiver.proto.rpc.SharedSecret;
import io.grpc.BindableService;
import io.grpc.Server;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A running driver: the cluster of workers, one gRPC server for workers and clients (every call must carry the
 * shared secret when one is configured), and the status page.
 */
public final class DriverServer implements AutoCloseable {
  private final Cluster cluster;
  private final SessionService sessions;
  private final Server server;
  private final StatusPage page;
  private final String host;

  /**
   * Starts the driver's server: workers register on it and clients open sessions on it.
   *
   * @param uiPort the status page's port: 0 picks a free one, negative disables it
   */
  public DriverServer(QuiverConf conf, String host, int port, int uiPort) throws IOException {
    this.host = host;
    Optional<String> secret = SharedSecret.resolve(conf.all());
    this.cluster = new Cluster(conf, secret);
    // The master URL a session reports is only known once the port is bound: the factory asks for it late.
    this.sessions = new SessionService(new ClusterSessions(cluster, this::url));
    List<BindableService> services = List.of(new ClusterService(cluster), sessions);
    try {
      this.server = Rpc.startServer(host, port, secret, services);
      this.page = uiPort < 0 ? null : new StatusPage(cluster, host, uiPort);
    } catch (IOException | RuntimeException e) {
      sessions.close();
      cluster.close();
      throw e;
    }
  }

  public Cluster cluster() {
    return cluster;
  }

  public int port() {
    return server.getPort();
  }

  public int uiPort() {
    return page == null ? -1 : page.port();
  }

  public String url() {
    return "quiver://" + host + ":" + port();
  }

  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  @Override
  public void close() {
    if (page != null) {
      page.close();
    }
    sessions.close();
    Rpc.close(server);
    cluster.close();
  }
}
