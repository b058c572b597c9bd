package dev.quiver.formats.parquet;

import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.NullType;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;

/**
 * How to read the requested columns from one file: for each requested top-level field, either a flat leaf
 * (the fast path), a tree of {@link ReadNode}s, or nothing (the file lacks it: all nulls). Fields are matched
 * by name, exactly first and then case-insensitively, as Spark does with {@code spark.sql.caseSensitive=false}.
 */
final class ReadPlan {
  /** One requested top-level column. */
  sealed interface Column {}

  /** A top-level primitive column without repetition. */
  record Flat(ReadNode.Leaf leaf) implements Column {}

  /** A top-level struct, list or map (or a repeated primitive). */
  record Nested(ReadNode root, List<ReadNode.Leaf> leaves) implements Column {}

  /** A requested column this file does not have. */
  record Absent(DataType type) implements Column {}

  final List<Column> columns;
  final List<ReadNode.Leaf> leaves;

  private ReadPlan(List<Column> columns, List<ReadNode.Leaf> leaves) {
    this.columns = columns;
    this.leaves = leaves;
  }

  List<ColumnDescriptor> descriptors() {
    List<ColumnDescriptor> d = new ArrayList<>(leaves.size());
    for (ReadNode.Leaf l : leaves) {
      d.add(l.column);
    }
    return d;
  }

  static ReadPlan build(MessageType file, StructType required, String path) {
    return new Builder(file, path).build(required);
  }

  /**
   * The index of the child of {@code group} named {@code name}: the exact name, else the only one equal
   * ignoring case; -1 when there is none. Several case-insensitive matches are an error, as in Spark.
   */
  static int fieldIndex(GroupType group, String name, String path) {
    if (group.containsField(name)) {
      return group.getFieldIndex(name);
    }
    int found = -1;
    String lower = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < group.getFieldCount(); i++) {
      if (group.getFieldName(i).toLowerCase(Locale.ROOT).equals(lower)) {
        if (found >= 0) {
          throw new QuiverException("_LEGACY_ERROR_TEMP_2093", "Found duplicate field(s) \"" + name + "\": ["
              + group.getFieldName(found) + ", " + group.getFieldName(i) + "] in case-insensitive mode in file "
              + path + ". Rename the columns in the file or read them with an exact-case schema.", null, null);
        }
        found = i;
      }
    }
    return found;
  }

  private static final class Builder {
    private final MessageType file;
    private final String path;
    private final List<ReadNode.Leaf> leaves = new ArrayList<>();
    private final Set<ColumnDescriptor> used = new HashSet<>();

    Builder(MessageType file, String path) {
      this.file = file;
      this.path = path;
    }

    ReadPlan build(StructType required) {
      List<Column> columns = new ArrayList<>();
      for (StructField f : required.fieldList()) {
        int idx = fieldIndex(file, f.name(), path);
        if (idx < 0 || f.dataType() instanceof NullType) {
          columns.add(new Absent(f.dataType()));
          continue;
        }
        Type t = file.getType(idx);
        int before = leaves.size();
        ReadNode node = t.isRepetition(Repetition.REPEATED)
            ? bareRepeated(t, f.dataType(), new String[0], 0, 0, 0, 0)
            : node(t, f.dataType(), new String[0], 0, 0, 0, 0);
        List<ReadNode.Leaf> mine = List.copyOf(leaves.subList(before, leaves.size()));
        if (node instanceof ReadNode.Leaf leaf && leaf.column.getMaxRepetitionLevel() == 0) {
          columns.add(new Flat(leaf));
        } else {
          columns.add(new Nested(node, mine));
        }
      }
      return new ReadPlan(columns, List.copyOf(leaves));
    }

    /**
     * The node for file type {@code t} (not itself a bare repeated field) read as {@code target}. The slot of
     * the node is given by {@code r}/{@code d}; {@code defBefore}/{@code repBefore} are the levels of the
     * parent.
     */
    private ReadNode node(Type t, DataType target, String[] parentPath, int r, int d, int defBefore, int repBefore) {
      int def = defBefore + (t.isRepetition(Repetition.REQUIRED) ? 0 : 1);
      int rep = repBefore + (t.isRepetition(Repetition.REPEATED) ? 1 : 0);
      String[] p = append(parentPath, t.getName());
      if (t.isPrimitive()) {
        return leaf(t.asPrimitiveType(), target, p, r, d, def);
      }
      GroupType g = t.asGroupType();
      LogicalTypeAnnotation logical = g.getLogicalTypeAnnotation();
      if (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
        if (!(target instanceof ArrayType a) || g.getFieldCount() != 1
            || !g.getType(0).isRepetition(Repetition.REPEATED)) {
          throw mismatch(p, target, g);
        }
        Type repeated = g.getType(0);
        ReadNode element;
        if (ParquetSchemaConverter.isElementType(repeated, g.getName())) {
          // Two-level list: the repeated field is the element itself.
          element = node(repeated, a.elementType(), p, rep + 1, def + 1, def, rep);
        } else {
          Type e = repeated.asGroupType().getType(0);
          element = node(e, a.elementType(), append(p, repeated.getName()), rep + 1, def + 1, def + 1, rep + 1);
        }
        return new ReadNode.ListNode(target, element, r, d, def);
      }
      if (logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
          || logical instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
        if (!(target instanceof MapType m) || g.getFieldCount() != 1 || g.getType(0).isPrimitive()
            || !g.getType(0).isRepetition(Repetition.REPEATED) || g.getType(0).asGroupType().getFieldCount() != 2) {
          throw mismatch(p, target, g);
        }
        GroupType kv = g.getType(0).asGroupType();
        String[] kvPath = append(p, kv.getName());
        int er = rep + 1;
        int ed = def + 1;
        ReadNode key = node(kv.getType(0), m.keyType(), kvPath, er, ed, ed, er);
        ReadNode value = node(kv.getType(1), m.valueType(), kvPath, er, ed, ed, er);
        return new ReadNode.MapNode(target, key, value, er, ed, r, d, def);
      }
      if (!(target instanceof StructType s)) {
        throw mismatch(p, target, g);
      }
      List<ReadNode> children = new ArrayList<>();
      for (StructField f : s.fieldList()) {
        int idx = fieldIndex(g, f.name(), path);
        if (idx < 0 || f.dataType() instanceof NullType) {
          children.add(new ReadNode.Missing(f.dataType()));
          continue;
        }
        Type c = g.getType(idx);
        children.add(c.isRepetition(Repetition.REPEATED)
            ? bareRepeated(c, f.dataType(), p, r, d, def, rep)
            : node(c, f.dataType(), p, r, d, def, rep));
      }
      ReadNode.Leaf levelsOnly = null;
      if (children.stream().allMatch(c -> c.firstLeaf() == null)) {
        levelsOnly = levelsOnlyLeaf(g, p, def, rep);
      }
      return new ReadNode.Struct(target, children, levelsOnly, r, d, def);
    }

    /**
     * A repeated field outside a LIST or MAP group: a list that is never null, whose elements are the
     * repeated field's values.
     */
    private ReadNode bareRepeated(Type t, DataType target, String[] parentPath, int r, int d, int defBefore,
        int repBefore) {
      if (!(target instanceof ArrayType a)) {
        throw mismatch(append(parentPath, t.getName()), target, t);
      }
      ReadNode element = node(t, a.elementType(), parentPath, repBefore + 1, defBefore + 1, defBefore, repBefore);
      return new ReadNode.ListNode(target, element, r, d, defBefore);
    }

    private ReadNode.Leaf leaf(PrimitiveType t, DataType target, String[] p, int r, int d, int def) {
      if (target instanceof ArrayType || target instanceof MapType || target instanceof StructType) {
        throw mismatch(p, target, t);
      }
      LeafConverter converter = LeafConverters.create(t, target);
      if (converter == null) {
        throw mismatch(p, target, t);
      }
      ReadNode.Leaf leaf = new ReadNode.Leaf(target, descriptor(p), converter, r, d, def);
      leaves.add(leaf);
      return leaf;
    }

    /** The first primitive column under {@code g}, read only to learn where the struct is null. */
    private ReadNode.Leaf levelsOnlyLeaf(GroupType g, String[] p, int def, int rep) {
      Type t = g;
      String[] leafPath = p;
      while (!t.isPrimitive()) {
        GroupType group = t.asGroupType();
        if (group.getFieldCount() == 0) {
          return null;
        }
        t = group.getType(0);
        leafPath = append(leafPath, t.getName());
      }
      ColumnDescriptor desc = descriptor(leafPath);
      ReadNode.Leaf leaf = new ReadNode.Leaf(null, desc, null, desc.getMaxRepetitionLevel(),
          desc.getMaxDefinitionLevel(), desc.getMaxDefinitionLevel());
      leaves.add(leaf);
      return leaf;
    }

    private ColumnDescriptor descriptor(String[] p) {
      ColumnDescriptor desc = file.getColumnDescription(p);
      if (!used.add(desc)) {
        throw new QuiverException("The Parquet column " + String.join(".", p) + " of file " + path
            + " is requested twice (by names that differ only in case). Request it once.");
      }
      return desc;
    }

    private QuiverException mismatch(String[] p, DataType target, Type actual) {
      return new QuiverException("FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH",
          "Encountered error while reading file " + path + ". Data type mismatches when reading Parquet column "
              + String.join(".", p) + ". Expected Spark type " + target.simpleString() + ", actual Parquet type "
              + ParquetSchemaConverter.describe(actual) + ".", "KD001", null);
    }

    private static String[] append(String[] p, String name) {
      String[] out = java.util.Arrays.copyOf(p, p.length + 1);
      out[p.length] = name;
      return out;
    }
  }
}
