package dev.quiver.formats.parquet;

import java.io.IOException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * Reads a batch of a nested column: every leaf decodes the levels of the next records and writes its values
 * into its own vector, then the struct, list and map vectors above the leaves get their validity and offsets
 * from the levels of their first leaf (Dremel record assembly, straight into Arrow).
 */
final class NestedAssembler {
  private NestedAssembler() {}

  static void read(ReadPlan.Nested column, FieldVector vector, int rows) throws IOException {
    bind(column.root(), vector);
    for (ReadNode.Leaf leaf : column.leaves()) {
      int got = leaf.reader.readRecords(rows, leaf.levels, leaf.vector, leaf.slotDef);
      if (got != rows) {
        throw new ParquetDecodingException("Column " + String.join(".", leaf.column.getPath()) + " has " + got
            + " records where its row group has " + rows + " more");
      }
    }
    fill(column.root(), vector);
    vector.setValueCount(rows);
  }

  /** Points each leaf at its vector in this batch's vector tree. */
  private static void bind(ReadNode node, FieldVector vector) {
    if (node instanceof ReadNode.Leaf leaf) {
      leaf.vector = vector;
    } else if (node instanceof ReadNode.Struct s) {
      StructVector sv = (StructVector) vector;
      for (int i = 0; i < s.children.size(); i++) {
        bind(s.children.get(i), (FieldVector) sv.getChildByOrdinal(i));
      }
      if (s.levelsOnly != null) {
        s.levelsOnly.vector = null;
      }
    } else if (node instanceof ReadNode.MapNode m) {
      StructVector entries = (StructVector) ((MapVector) vector).getDataVector();
      bind(m.key, (FieldVector) entries.getChildByOrdinal(0));
      bind(m.value, (FieldVector) entries.getChildByOrdinal(1));
    } else if (node instanceof ReadNode.ListNode l) {
      bind(l.element, ((ListVector) vector).getDataVector());
    }
  }

  private static void fill(ReadNode node, FieldVector vector) {
    if (node instanceof ReadNode.Struct s) {
      fillStruct(s, (StructVector) vector);
    } else if (node instanceof ReadNode.MapNode m) {
      fillMap(m, (MapVector) vector);
    } else if (node instanceof ReadNode.ListNode l) {
      fillList(l, (ListVector) vector);
    }
    // Leaves were written while reading; Missing children are all null and sized by their parent.
  }

  private static void fillStruct(ReadNode.Struct s, StructVector vector) {
    LevelBuffer lv = levels(s);
    int[] rep = lv.rep;
    int[] def = lv.def;
    int slot = 0;
    for (int p = 0; p < lv.size; p++) {
      if (rep[p] <= s.repLevel && def[p] >= s.slotDef) {
        if (def[p] >= s.definedDef) {
          vector.setIndexDefined(slot);
        } else {
          vector.setNull(slot);
        }
        slot++;
      }
    }
    for (int i = 0; i < s.children.size(); i++) {
      fill(s.children.get(i), (FieldVector) vector.getChildByOrdinal(i));
    }
  }

  private static void fillList(ReadNode.ListNode l, ListVector vector) {
    fillOffsets(l, vector, l.element.repLevel, l.element.slotDef, null);
    fill(l.element, vector.getDataVector());
  }

  private static void fillMap(ReadNode.MapNode m, MapVector vector) {
    StructVector entries = (StructVector) vector.getDataVector();
    fillOffsets(m, vector, m.entryRep, m.entryDef, entries);
    fill(m.key, (FieldVector) entries.getChildByOrdinal(0));
    fill(m.value, (FieldVector) entries.getChildByOrdinal(1));
  }

  /**
   * Sets validity and offsets of a list (or map) vector; {@code entries}, for maps, gets one defined struct
   * slot per element.
   */
  private static void fillOffsets(ReadNode node, ListVector vector, int elementRep, int elementDef,
      StructVector entries) {
    LevelBuffer lv = levels(node);
    int[] rep = lv.rep;
    int[] def = lv.def;
    int slot = -1;
    int size = 0;
    int elements = 0;
    boolean open = false;
    for (int p = 0; p < lv.size; p++) {
      if (rep[p] <= node.repLevel && def[p] >= node.slotDef) {
        if (open) {
          vector.endValue(slot, size);
        }
        slot++;
        size = 0;
        open = def[p] >= node.definedDef;
        if (open) {
          vector.startNewValue(slot);
        } else {
          vector.setNull(slot);
        }
      }
      if (open && rep[p] <= elementRep && def[p] >= elementDef) {
        size++;
        if (entries != null) {
          entries.setIndexDefined(elements);
        }
        elements++;
      }
    }
    if (open) {
      vector.endValue(slot, size);
    }
  }

  private static LevelBuffer levels(ReadNode node) {
    ReadNode.Leaf leaf = node.firstLeaf();
    if (leaf == null) {
      throw new ParquetDecodingException("A nested column has no primitive column to read it from");
    }
    return leaf.levels;
  }
}
