package dev.quiver.driver.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A cached partition kept in a worker's memory, as the session's cache records it in place of the rows:
 * the bytes of {@code quiver-block://ID@HOST:PORT/KEY}. No Arrow IPC stream starts with these bytes.
 */
record BlockRef(String workerId, String address, String key) {
  private static final String SCHEME = "quiver-block://";
  private static final byte[] MAGIC = SCHEME.getBytes(StandardCharsets.UTF_8);

  byte[] encode() {
    return (SCHEME + workerId + "@" + address + "/" + key).getBytes(StandardCharsets.UTF_8);
  }

  static Optional<BlockRef> parse(byte[] bytes) {
    if (bytes.length < MAGIC.length) {
      return Optional.empty();
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes[i] != MAGIC[i]) {
        return Optional.empty();
      }
    }
    String rest = new String(bytes, MAGIC.length, bytes.length - MAGIC.length, StandardCharsets.UTF_8);
    int at = rest.indexOf('@');
    int slash = rest.indexOf('/', at);
    return Optional.of(new BlockRef(rest.substring(0, at), rest.substring(at + 1, slash), rest.substring(slash + 1)));
  }
}
