package dev.quiver.driver;

import dev.quiver.sql.types.StructType;
import java.util.List;

/** A query's result as Arrow IPC streams, one per result partition in order, with the schema they follow. */
public record IpcResult(StructType schema, List<byte[]> partitions) {
  public IpcResult {
    partitions = List.copyOf(partitions);
  }
}
