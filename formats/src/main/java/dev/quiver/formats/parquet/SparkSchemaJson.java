package dev.quiver.formats.parquet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.Metadata;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark's JSON form of a schema ({@code StructType.json}), which Spark stores in every Parquet file it writes
 * under {@link #METADATA_KEY} and prefers over the Parquet schema when reading, so that types Parquet cannot
 * tell apart (byte, short, timestamp as INT96, char/varchar metadata) come back exactly.
 */
final class SparkSchemaJson {
  static final String METADATA_KEY = "org.apache.spark.sql.parquet.row.metadata";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Pattern DECIMAL = Pattern.compile("decimal\\(\\s*(\\d+)\\s*,\\s*(-?\\d+)\\s*\\)");

  private SparkSchemaJson() {}

  static String toJson(StructType schema) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      writeType(g, schema);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write a schema as JSON", e);
    }
    return out.toString();
  }

  private static void writeType(JsonGenerator g, DataType type) throws IOException {
    if (type instanceof StructType s) {
      g.writeStartObject();
      g.writeStringField("type", "struct");
      g.writeArrayFieldStart("fields");
      for (StructField f : s.fieldList()) {
        g.writeStartObject();
        g.writeStringField("name", f.name());
        g.writeFieldName("type");
        writeType(g, f.dataType());
        g.writeBooleanField("nullable", f.nullable());
        g.writeObjectFieldStart("metadata");
        for (Map.Entry<String, String> e : f.metadata().asMap().entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } else if (type instanceof ArrayType a) {
      g.writeStartObject();
      g.writeStringField("type", "array");
      g.writeFieldName("elementType");
      writeType(g, a.elementType());
      g.writeBooleanField("containsNull", a.containsNull());
      g.writeEndObject();
    } else if (type instanceof MapType m) {
      g.writeStartObject();
      g.writeStringField("type", "map");
      g.writeFieldName("keyType");
      writeType(g, m.keyType());
      g.writeFieldName("valueType");
      writeType(g, m.valueType());
      g.writeBooleanField("valueContainsNull", m.valueContainsNull());
      g.writeEndObject();
    } else {
      g.writeString(type.typeName());
    }
  }

  /** Parses Spark's JSON schema; IllegalArgumentException when it is not one Quiver understands. */
  static StructType fromJson(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("Not a JSON schema: " + e.getMessage(), e);
    }
    DataType t = parseType(root);
    if (!(t instanceof StructType s)) {
      throw new IllegalArgumentException("The schema is a " + t.simpleString() + ", not a struct");
    }
    return s;
  }

  private static DataType parseType(JsonNode node) {
    if (node == null) {
      throw new IllegalArgumentException("A type is missing");
    }
    if (node.isTextual()) {
      return atomic(node.asText());
    }
    String kind = text(node, "type");
    switch (kind) {
      case "struct": {
        JsonNode fields = node.get("fields");
        if (fields == null || !fields.isArray()) {
          throw new IllegalArgumentException("A struct has no fields array");
        }
        List<StructField> out = new ArrayList<>();
        for (JsonNode f : fields) {
          JsonNode nullable = f.get("nullable");
          out.add(new StructField(text(f, "name"), parseType(f.get("type")),
              nullable == null || nullable.asBoolean(true), metadata(f.get("metadata"))));
        }
        return StructType.of(out);
      }
      case "array":
        return new ArrayType(parseType(node.get("elementType")), bool(node, "containsNull"));
      case "map":
        return new MapType(parseType(node.get("keyType")), parseType(node.get("valueType")),
            bool(node, "valueContainsNull"));
      default:
        throw new IllegalArgumentException("Unknown complex type '" + kind + "'");
    }
  }

  private static DataType atomic(String name) {
    switch (name) {
      case "boolean": return DataTypes.BooleanType;
      case "byte": return DataTypes.ByteType;
      case "short": return DataTypes.ShortType;
      case "integer": return DataTypes.IntegerType;
      case "long": return DataTypes.LongType;
      case "float": return DataTypes.FloatType;
      case "double": return DataTypes.DoubleType;
      case "string": return DataTypes.StringType;
      case "binary": return DataTypes.BinaryType;
      case "date": return DataTypes.DateType;
      case "timestamp": return DataTypes.TimestampType;
      case "timestamp_ntz": return DataTypes.TimestampNTZType;
      case "void": case "null": return DataTypes.NullType;
      case "decimal": return DecimalType.USER_DEFAULT;
      default:
        Matcher m = DECIMAL.matcher(name);
        if (m.matches()) {
          return new DecimalType(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        throw new IllegalArgumentException("Unknown type '" + name + "'");
    }
  }

  /** Spark metadata values may be any JSON; Quiver keeps strings as is and other values as JSON text. */
  private static Metadata metadata(JsonNode node) {
    if (node == null || !node.isObject() || node.isEmpty()) {
      return Metadata.empty();
    }
    Map<String, String> entries = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      entries.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
    }
    return Metadata.of(entries);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("Missing text field '" + field + "'");
    }
    return v.asText();
  }

  private static boolean bool(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.asBoolean(true);
  }
}
