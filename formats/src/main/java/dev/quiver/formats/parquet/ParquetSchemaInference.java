package dev.quiver.formats.parquet;

import dev.quiver.formats.FileInfo;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.schema.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema inference from Parquet footers, as Spark's ParquetUtils.inferSchema: the first file's schema, or
 * with {@code mergeSchema} the union of every file's fields by name. A footer written by Spark (or Quiver)
 * carries the exact schema as JSON, which wins over the Parquet schema. Every field comes back nullable.
 */
final class ParquetSchemaInference {
  private static final Logger LOG = LoggerFactory.getLogger(ParquetSchemaInference.class);

  private ParquetSchemaInference() {}

  static StructType infer(List<FileInfo> files, ParquetOptions options) {
    if (files.isEmpty()) {
      throw new QuiverException("UNABLE_TO_INFER_SCHEMA", "Unable to infer schema for Parquet. It must be specified "
          + "manually.", "42KD9", null);
    }
    StructType merged = schemaOf(files.get(0), options);
    if (options.mergeSchema()) {
      for (int i = 1; i < files.size(); i++) {
        StructType next = schemaOf(files.get(i), options);
        try {
          merged = merge(merged, next);
        } catch (QuiverException e) {
          throw new QuiverException("CANNOT_MERGE_SCHEMAS", "Failed merging schemas: the schema of "
              + files.get(i).path() + " (" + next.simpleString() + ") cannot be merged with the schema of the files "
              + "before it (" + merged.simpleString() + "): " + e.getMessage() + " Read the files separately or "
              + "cast the columns to one type when writing them.", "42KD9", e);
        }
      }
    }
    return ParquetSchemaConverter.asNullable(merged);
  }

  /** The schema stored in one file's footer. */
  static StructType schemaOf(FileInfo file, ParquetOptions options) {
    FileMetaData meta;
    try (ParquetFileReader reader = ParquetFiles.open(file.path(), file.length())) {
      meta = reader.getFooter().getFileMetaData();
    } catch (IOException e) {
      throw new QuiverException("Cannot close Parquet file " + file.path() + ": " + e.getMessage(), e);
    }
    MessageType parquet = meta.getSchema();
    String json = meta.getKeyValueMetaData().get(SparkSchemaJson.METADATA_KEY);
    if (json != null) {
      try {
        StructType spark = SparkSchemaJson.fromJson(json);
        if (sameTopLevelNames(spark, parquet)) {
          return spark;
        }
        LOG.warn("The Spark schema in the footer of {} does not name the file's columns; using the Parquet schema",
            file.path());
      } catch (IllegalArgumentException e) {
        LOG.warn("Cannot parse the Spark schema in the footer of {} ({}); using the Parquet schema", file.path(),
            e.getMessage());
      }
    }
    return ParquetSchemaConverter.toQuiver(parquet, options.binaryAsString());
  }

  private static boolean sameTopLevelNames(StructType spark, MessageType parquet) {
    if (spark.length() != parquet.getFieldCount()) {
      return false;
    }
    for (int i = 0; i < spark.length(); i++) {
      if (!spark.apply(i).name().equals(parquet.getFieldName(i))) {
        return false;
      }
    }
    return true;
  }

  /** Spark's StructType.merge: fields of {@code a} in order, then new ones of {@code b}; types must agree. */
  static StructType merge(StructType a, StructType b) {
    Map<String, StructField> byName = new LinkedHashMap<>();
    for (StructField f : b.fieldList()) {
      byName.put(f.name(), f);
    }
    List<StructField> out = new ArrayList<>();
    for (StructField f : a.fieldList()) {
      StructField other = byName.remove(f.name());
      if (other == null) {
        out.add(f);
      } else {
        out.add(new StructField(f.name(), mergeTypes(f.name(), f.dataType(), other.dataType()),
            f.nullable() || other.nullable(), f.metadata()));
      }
    }
    out.addAll(byName.values());
    return StructType.of(out);
  }

  private static DataType mergeTypes(String name, DataType a, DataType b) {
    if (a instanceof StructType sa && b instanceof StructType sb) {
      return merge(sa, sb);
    }
    if (a instanceof ArrayType aa && b instanceof ArrayType ab) {
      return new ArrayType(mergeTypes(name, aa.elementType(), ab.elementType()),
          aa.containsNull() || ab.containsNull());
    }
    if (a instanceof MapType ma && b instanceof MapType mb) {
      return new MapType(mergeTypes(name, ma.keyType(), mb.keyType()), mergeTypes(name, ma.valueType(),
          mb.valueType()), ma.valueContainsNull() || mb.valueContainsNull());
    }
    if (a.equals(b)) {
      return a;
    }
    throw new QuiverException("CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE", "Failed to merge incompatible data types \""
        + a.sql() + "\" and \"" + b.sql() + "\" of field `" + name + "`.", "42825", null);
  }
}
