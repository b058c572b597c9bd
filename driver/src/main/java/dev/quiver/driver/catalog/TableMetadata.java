package dev.quiver.driver.catalog;

import dev.quiver.sql.types.StructType;
import java.util.List;
import java.util.Map;

/** A table of the warehouse: where its files are, their format, schema and partition columns. */
public record TableMetadata(String name, String format, String location, StructType schema,
    List<String> partitionColumns, Map<String, String> options) {
  public TableMetadata {
    partitionColumns = List.copyOf(partitionColumns);
    options = Map.copyOf(options);
  }
}
