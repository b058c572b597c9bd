package dev.quiver.sql.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The schema of a DataFrame or the type of a struct column: an ordered list of {@link StructField}s.
 * Immutable: {@link #add} returns a new StructType, as in Spark.
 */
public final class StructType extends DataType implements Iterable<StructField> {
  private static final long serialVersionUID = 1L;

  private final StructField[] fields;

  public StructType() {
    this(new StructField[0]);
  }

  public StructType(StructField[] fields) {
    this.fields = fields.clone();
  }

  public static StructType of(List<StructField> fields) {
    return new StructType(fields.toArray(new StructField[0]));
  }

  /** Parses {@code "a INT, b STRING NOT NULL"} (or {@code struct<a:int,b:string>}). */
  public static StructType fromDDL(String ddl) {
    return DdlParser.parseSchema(ddl);
  }

  public StructType add(StructField field) {
    StructField[] next = Arrays.copyOf(fields, fields.length + 1);
    next[fields.length] = field;
    return new StructType(next);
  }

  public StructType add(String name, DataType dataType) {
    return add(new StructField(name, dataType, true));
  }

  public StructType add(String name, DataType dataType, boolean nullable) {
    return add(new StructField(name, dataType, nullable));
  }

  public StructType add(String name, DataType dataType, boolean nullable, Metadata metadata) {
    return add(new StructField(name, dataType, nullable, metadata));
  }

  public StructType add(String name, String dataType) {
    return add(new StructField(name, DdlParser.parseType(dataType), true));
  }

  public StructType add(String name, String dataType, boolean nullable) {
    return add(new StructField(name, DdlParser.parseType(dataType), nullable));
  }

  public StructField[] fields() {
    return fields.clone();
  }

  /** The fields as an unmodifiable list (no copy of the array per call). */
  public List<StructField> fieldList() {
    return List.of(fields);
  }

  public String[] fieldNames() {
    String[] names = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      names[i] = fields[i].name();
    }
    return names;
  }

  public String[] names() {
    return fieldNames();
  }

  public int length() {
    return fields.length;
  }

  public int size() {
    return fields.length;
  }

  public StructField apply(int i) {
    return fields[i];
  }

  public StructField apply(String name) {
    return fields[fieldIndex(name)];
  }

  /** Index of the field with exactly this name; throws IllegalArgumentException naming the fields if absent. */
  public int fieldIndex(String name) {
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "No field named \"" + name + "\". Available fields: " + String.join(", ", fieldNames()) + ".");
  }

  @Override
  public Iterator<StructField> iterator() {
    return List.of(fields).iterator();
  }

  @Override
  public String typeName() {
    return "struct";
  }

  @Override
  public String simpleString() {
    StringBuilder sb = new StringBuilder("struct<");
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(fields[i].name()).append(':').append(fields[i].dataType().simpleString());
    }
    return sb.append('>').toString();
  }

  @Override
  public String catalogString() {
    StringBuilder sb = new StringBuilder("struct<");
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(DdlParser.quoteIfNeeded(fields[i].name())).append(':').append(fields[i].dataType().catalogString());
    }
    return sb.append('>').toString();
  }

  @Override
  public String sql() {
    StringBuilder sb = new StringBuilder("STRUCT<");
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(DdlParser.quoteIfNeeded(fields[i].name())).append(": ").append(fields[i].dataType().sql());
      if (!fields[i].nullable()) {
        sb.append(" NOT NULL");
      }
    }
    return sb.append('>').toString();
  }

  /** {@code a INT,b STRING}: the form {@link #fromDDL} reads back. */
  public String toDDL() {
    List<String> parts = new ArrayList<>();
    for (StructField f : fields) {
      parts.add(f.toDDL());
    }
    return String.join(",", parts);
  }

  @Override
  public int defaultSize() {
    int size = 0;
    for (StructField f : fields) {
      size += f.dataType().defaultSize();
    }
    return size;
  }

  /** printSchema's tree: {@code root} then {@code  |-- name: type (nullable = true)} per field. */
  public String treeString() {
    StringBuilder sb = new StringBuilder("root\n");
    for (StructField f : fields) {
      appendField(sb, " |", f);
    }
    return sb.toString();
  }

  public void printTreeString() {
    System.out.println(treeString());
  }

  private static void appendField(StringBuilder sb, String prefix, StructField f) {
    sb.append(prefix).append("-- ").append(escape(f.name())).append(": ").append(f.dataType().typeName())
        .append(" (nullable = ").append(f.nullable()).append(")\n");
    appendNested(sb, prefix + "    |", f.dataType());
  }

  private static void appendNested(StringBuilder sb, String prefix, DataType type) {
    if (type instanceof StructType s) {
      for (StructField f : s.fields) {
        appendField(sb, prefix, f);
      }
    } else if (type instanceof ArrayType a) {
      sb.append(prefix).append("-- element: ").append(a.elementType().typeName())
          .append(" (containsNull = ").append(a.containsNull()).append(")\n");
      appendNested(sb, prefix + "    |", a.elementType());
    } else if (type instanceof MapType m) {
      sb.append(prefix).append("-- key: ").append(m.keyType().typeName()).append('\n');
      appendNested(sb, prefix + "    |", m.keyType());
      sb.append(prefix).append("-- value: ").append(m.valueType().typeName())
          .append(" (valueContainsNull = ").append(m.valueContainsNull()).append(")\n");
      appendNested(sb, prefix + "    |", m.valueType());
    }
  }

  private static String escape(String name) {
    return name.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("StructType(");
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(fields[i]);
    }
    return sb.append(')').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StructType s && Arrays.equals(s.fields, fields);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(fields);
  }

  /** Case-insensitive lookup, as Spark resolves names by default; -1 when absent. */
  public int indexOfIgnoreCase(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].name().toLowerCase(Locale.ROOT).equals(lower)) {
        return i;
      }
    }
    return -1;
  }
}
