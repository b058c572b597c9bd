package dev.quiver.driver.remote;

import dev.quiver.driver.MasterUrl;

/** The host and port of a {@code quiver://host:port} master URL (an IPv6 host in brackets). */
record HostPort(String host, int port) {
  static HostPort of(MasterUrl master) {
    String rest = master.url().substring("quiver://".length());
    if (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    int colon = rest.lastIndexOf(':');
    String host = rest.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new HostPort(host, Integer.parseInt(rest.substring(colon + 1)));
  }
}
