package dev.quiver.driver.cluster;

/**
 * Where a map output written on a worker lives, kept by the driver in the output's file name as
 * {@code worker://ID@HOST:PORT/ABSOLUTE-PATH}: the driver's map-output tracker stays the same in local and
 * cluster mode, and a lost worker's outputs are the names that start with its prefix.
 */
record MapOutputPlace(String workerId, String address, String path) {
  private static final String SCHEME = "worker://";

  static String prefix(String workerId, String address) {
    return SCHEME + workerId + "@" + address;
  }

  static MapOutputPlace parse(String name) {
    if (!name.startsWith(SCHEME)) {
      throw new IllegalArgumentException("Not a worker's map output: " + name);
    }
    String rest = name.substring(SCHEME.length());
    int at = rest.indexOf('@');
    int slash = rest.indexOf('/', at);
    return new MapOutputPlace(rest.substring(0, at), rest.substring(at + 1, slash), rest.substring(slash));
  }
}
