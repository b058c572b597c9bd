package dev.quiver.formats.parquet;

import dev.quiver.sql.types.DataType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnDescriptor;

/**
 * One node of the tree that reads a nested column: the requested Quiver type matched against the file's
 * Parquet type, with the levels that place the node's values in a leaf's level stream.
 *
 * <p>Each node owns "slots" (one per value of its Arrow vector). Reading a leaf's levels in order, an entry
 * starts a slot of this node when {@code rep <= repLevel} (it is not a continuation of a deeper list) and
 * {@code def >= slotDef} (the enclosing list has an element here); the slot is non-null when
 * {@code def >= definedDef}. Struct children share their parent's slots; list and map elements have their
 * own. Any leaf under a node yields the same slots, so each node is assembled from its first leaf.
 */
abstract sealed class ReadNode {
  final int repLevel;
  final int slotDef;
  final int definedDef;
  final DataType type;

  ReadNode(DataType type, int repLevel, int slotDef, int definedDef) {
    this.type = type;
    this.repLevel = repLevel;
    this.slotDef = slotDef;
    this.definedDef = definedDef;
  }

  /** The leaf whose levels define this node's slots, or null for a node with no data in the file. */
  abstract Leaf firstLeaf();

  /** A primitive column of the file. */
  static final class Leaf extends ReadNode {
    final ColumnDescriptor column;
    /** Null for a leaf read only for its levels (a struct whose requested fields are all missing). */
    final LeafConverter converter;
    final LevelBuffer levels = new LevelBuffer();
    /** The vector of the current batch; rebound for every batch. */
    FieldVector vector;
    ColumnChunkReader reader;

    Leaf(DataType type, ColumnDescriptor column, LeafConverter converter, int repLevel, int slotDef, int definedDef) {
      super(type, repLevel, slotDef, definedDef);
      this.column = column;
      this.converter = converter;
    }

    @Override
    Leaf firstLeaf() {
      return this;
    }
  }

  /** A struct: children in the requested order; a child absent from the file is a {@link Missing}. */
  static final class Struct extends ReadNode {
    final List<ReadNode> children;
    /** Levels-only leaf used when no requested child exists in the file. */
    final Leaf levelsOnly;

    Struct(DataType type, List<ReadNode> children, Leaf levelsOnly, int repLevel, int slotDef, int definedDef) {
      super(type, repLevel, slotDef, definedDef);
      this.children = children;
      this.levelsOnly = levelsOnly;
    }

    @Override
    Leaf firstLeaf() {
      for (ReadNode c : children) {
        Leaf l = c.firstLeaf();
        if (l != null) {
          return l;
        }
      }
      return levelsOnly;
    }
  }

  /** A list; {@code element} has its own slots. */
  static final class ListNode extends ReadNode {
    final ReadNode element;

    ListNode(DataType type, ReadNode element, int repLevel, int slotDef, int definedDef) {
      super(type, repLevel, slotDef, definedDef);
      this.element = element;
    }

    @Override
    Leaf firstLeaf() {
      return element.firstLeaf();
    }
  }

  /** A map: key and value share the slots of the entries, which are never null. */
  static final class MapNode extends ReadNode {
    final ReadNode key;
    final ReadNode value;
    /** Entry slots: entries with {@code rep <= entryRep} and {@code def >= entryDef}. */
    final int entryRep;
    final int entryDef;

    MapNode(DataType type, ReadNode key, ReadNode value, int entryRep, int entryDef, int repLevel, int slotDef,
        int definedDef) {
      super(type, repLevel, slotDef, definedDef);
      this.key = key;
      this.value = value;
      this.entryRep = entryRep;
      this.entryDef = entryDef;
    }

    @Override
    Leaf firstLeaf() {
      return key.firstLeaf();
    }
  }

  /** A requested struct field the file does not have: all nulls. */
  static final class Missing extends ReadNode {
    Missing(DataType type) {
      super(type, 0, 0, Integer.MAX_VALUE);
    }

    @Override
    Leaf firstLeaf() {
      return null;
    }
  }
}
