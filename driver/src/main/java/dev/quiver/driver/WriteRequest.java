package dev.quiver.driver;

import java.util.List;
import java.util.Map;

/** {@code df.write().format(f).mode(m).options(o).partitionBy(cols).save(path)}. */
public record WriteRequest(String format, String mode, Map<String, String> options, List<String> partitionBy,
    String path) {
  public WriteRequest {
    options = Map.copyOf(options);
    partitionBy = List.copyOf(partitionBy);
  }

  public WriteRequest withPath(String newPath) {
    return new WriteRequest(format, mode, options, partitionBy, newPath);
  }

  public WriteRequest withFormat(String newFormat) {
    return new WriteRequest(newFormat, mode, options, partitionBy, path);
  }

  public WriteRequest withMode(String newMode) {
    return new WriteRequest(format, newMode, options, partitionBy, path);
  }
}
