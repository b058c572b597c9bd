package dev.quiver.driver.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The driver's read-only web page: workers with their slots and last heartbeat, and recent jobs. {@code /} is
 * HTML for people, {@code /status} the same as plain text lines for scripts and tests.
 */
public final class StatusPage implements AutoCloseable {
  private final HttpServer server;
  private final Cluster cluster;

  public StatusPage(Cluster cluster, String host, int port) throws IOException {
    this.cluster = cluster;
    this.server = HttpServer.create(new InetSocketAddress(host, port), 16);
    server.createContext("/status", ex -> respond(ex, "text/plain", text()));
    server.createContext("/", ex -> respond(ex, "text/html", html()));
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  String text() {
    StringBuilder sb = new StringBuilder();
    for (Cluster.WorkerStatus w : cluster.workers()) {
      sb.append("worker ").append(w.id()).append(' ').append(w.address()).append(" cores=").append(w.cores())
          .append(" free=").append(w.freeSlots()).append(" tasks=").append(w.tasksFinished()).append('\n');
    }
    for (Cluster.JobStatus j : cluster.jobs()) {
      sb.append("job ").append(j.id()).append(' ').append(j.state()).append(" app=").append(j.app()).append('\n');
    }
    return sb.toString();
  }

  private String html() {
    StringBuilder sb = new StringBuilder("<!doctype html><html><head><meta charset=utf-8><title>Quiver driver"
        + "</title><style>body{font-family:sans-serif}td,th{padding:2px 10px;text-align:left}</style></head><body>"
        + "<h1>Quiver driver</h1><h2>Workers</h2><table><tr><th>id</th><th>address</th><th>cores</th>"
        + "<th>free slots</th><th>memory</th><th>last heartbeat</th><th>tasks done</th></tr>");
    for (Cluster.WorkerStatus w : cluster.workers()) {
      sb.append("<tr><td>").append(esc(w.id())).append("</td><td>").append(esc(w.address())).append("</td><td>")
          .append(w.cores()).append("</td><td>").append(w.freeSlots()).append("</td><td>")
          .append(w.memoryBytes() >> 20).append(" MB</td><td>").append(w.millisSinceHeartbeat())
          .append(" ms ago</td><td>").append(w.tasksFinished()).append("</td></tr>");
    }
    sb.append("</table><h2>Jobs</h2><table><tr><th>id</th><th>application</th><th>state</th><th>started</th>"
        + "<th>took</th><th>error</th></tr>");
    java.util.List<Cluster.JobStatus> jobs = cluster.jobs();
    java.util.Collections.reverse(jobs);
    for (Cluster.JobStatus j : jobs) {
      sb.append("<tr><td>").append(j.id()).append("</td><td>").append(esc(j.app())).append("</td><td>")
          .append(j.state()).append("</td><td>").append(Instant.ofEpochMilli(j.startMillis())).append("</td><td>")
          .append(j.endMillis() == 0 ? "" : (j.endMillis() - j.startMillis()) + " ms").append("</td><td>")
          .append(j.error() == null ? "" : esc(j.error())).append("</td></tr>");
    }
    return sb.append("</table></body></html>").toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static void respond(HttpExchange ex, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    ex.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
