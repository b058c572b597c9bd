package dev.quiver.driver.cluster;

import dev.quiver.driver.AppInfo;
import dev.quiver.driver.LocalSession;
import dev.quiver.driver.QuiverConf;
import dev.quiver.driver.SessionBackend;
import dev.quiver.driver.Versions;
import dev.quiver.driver.remote.SessionBackendFactory;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Opens one engine session per client on the driver: the client's settings, catalog, views and caches are its
 * own; its jobs run on the cluster's workers beside other clients' jobs.
 */
public final class ClusterSessions implements SessionBackendFactory {
  private final Cluster cluster;
  private final Supplier<String> masterUrl;
  private final AtomicInteger ids = new AtomicInteger();

  public ClusterSessions(Cluster cluster, Supplier<String> masterUrl) {
    this.cluster = cluster;
    this.masterUrl = masterUrl;
  }

  @Override
  public SessionBackend open(String appName, Map<String, String> settings) {
    long start = System.currentTimeMillis();
    String appId = "app-" + start + "-" + ids.incrementAndGet();
    AppInfo info = new AppInfo(appName, appId, masterUrl.get(), System.getProperty("user.name", "unknown"), start,
        cluster.launcher().slots(), Versions.QUIVER);
    return new LocalSession(new QuiverConf(settings), info, new ClusterExecution(cluster, appName));
  }
}
