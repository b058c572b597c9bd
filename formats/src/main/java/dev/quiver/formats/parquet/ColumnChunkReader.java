package dev.quiver.formats.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decodes the pages of one leaf column chunk of one row group. Each page's levels are decoded in bulk into
 * int arrays, its values through a {@link PageValues} for its encoding; a {@link LeafConverter} writes runs
 * of non-null values into the Arrow vector. Top-level columns without repetition go through
 * {@link #readFlat}; columns inside lists, maps or structs through {@link #readRecords}, which also hands
 * back the levels so that the enclosing vectors can be assembled.
 */
final class ColumnChunkReader {
  /**
   * {@link #readFlatSelected} decodes a run of non-null rows whole when its kept rows start a new run more
   * often than once per this many rows.
   */
  private static final int ROWS_PER_RUN_TO_DECODE_WHOLE = 16;

  private final ColumnDescriptor column;
  private final PrimitiveType type;
  private final PageReader pages;
  /** The array behind the current data page, handed back to {@link PageBuffers} at the next page. */
  private byte[] pageArray;
  private final LeafConverter converter;
  private final int maxDef;
  private final int maxRep;
  private final DictionaryData dictionary;

  private int[] defLevels = new int[0];
  private int[] repLevels = new int[0];
  /** The current page's definition levels are all {@code maxDef} (no nulls): {@code defLevels} is not filled. */
  private boolean pageAllDefined;
  private int pageCount;
  private int pagePos;
  private PageValues values;
  /** Looks up ids decoded earlier by {@link #readCodes}; made on first use. */
  private ListedDictionaryValues listed;
  /** The ids of the kept rows of a coded batch, gathered by {@link #gatherKeptIds}. */
  private int[] keptIds = new int[0];

  /** {@code converter} may be null for a column read only for its levels (values are skipped). */
  ColumnChunkReader(ColumnDescriptor column, PageReader pages, LeafConverter converter) throws IOException {
    this.column = column;
    this.type = column.getPrimitiveType();
    this.pages = pages;
    this.converter = converter;
    this.maxDef = column.getMaxDefinitionLevel();
    this.maxRep = column.getMaxRepetitionLevel();
    DictionaryPage dictPage = pages.readDictionaryPage();
    this.dictionary = dictPage == null ? null : DictionaryData.decode(dictPage, column);
  }

  /**
   * Reads the next {@code n} values of a column with no repetition and at most one definition level into
   * slots {@code [0, n)} of {@code vector}, which has room for them.
   */
  void readFlat(FieldVector vector, int n) throws IOException {
    // Nulls: the slots stay unset (zeroed validity) in the freshly allocated vector.
    forEachRun(n, (row, length, defined) -> {
      if (defined) {
        converter.read(values, vector, row, length);
      }
    });
  }

  /** Skips the next {@code n} rows of a flat column. */
  void skipFlat(int n) throws IOException {
    forEachRun(n, (row, length, defined) -> {
      if (defined) {
        values.skip(length);
      }
    });
  }

  /**
   * Like {@link #readFlat} for the next {@code n} rows, but writes only the rows whose bit is set in
   * {@code keep} (one bit per row), into consecutive slots from 0; the values of the other rows are skipped
   * without being converted. Where the kept rows of a page are scattered in short runs, a fixed-width column
   * is instead decoded whole into {@code scratch} (a vector like {@code vector}, or null for other types) and
   * the kept values copied from there: one pass over every value costs less than a skip and a read per run.
   */
  void readFlatSelected(FieldVector vector, int n, long[] keep, FieldVector scratch) throws IOException {
    int[] slot = {0};
    forEachRun(n, (row, length, defined) -> {
      int end = row + length;
      if (!defined) {
        // Selected nulls keep their slots, unset (zeroed validity) in the freshly allocated vector.
        slot[0] += SelectionBits.count(keep, row, end);
        return;
      }
      if (scratch != null && SelectionBits.runs(keep, row, end) * ROWS_PER_RUN_TO_DECODE_WHOLE > length) {
        VectorBits.ensureCapacity(scratch, length);
        converter.read(values, scratch, 0, length);
        slot[0] += VectorBits.copySelected((BaseFixedWidthVector) scratch, keep, row, end,
            (BaseFixedWidthVector) vector, slot[0]);
        return;
      }
      int i = row;
      while (i < end) {
        boolean selected = (keep[i >>> 6] & (1L << i)) != 0;
        int j = runOf(keep, i + 1, end, selected);
        if (selected) {
          converter.read(values, vector, slot[0], j - i);
          slot[0] += j - i;
        } else {
          values.skip(j - i);
        }
        i = j;
      }
    });
  }

  /**
   * Reads the next {@code n} rows of a flat column for judging a pushed filter: into {@code column.codes()}
   * goes each row's dictionary id, {@link CodedColumn#NULL} or {@link CodedColumn#PLAIN}; only the values of
   * plain-encoded pages are converted (into {@code column.plain(...)}, at their rows' slots).
   */
  void readCodes(int n, CodedColumn column, Supplier<FieldVector> newVector) throws IOException {
    int[] codes = column.codes();
    forEachRun(n, (row, length, defined) -> {
      if (!defined) {
        Arrays.fill(codes, row, row + length, CodedColumn.NULL);
      } else if (values instanceof DictionaryValues ids) {
        ids.readIds(codes, row, length);
      } else {
        converter.read(values, column.plain(newVector), row, length);
        Arrays.fill(codes, row, row + length, CodedColumn.PLAIN);
      }
    });
  }

  /**
   * Writes the rows of {@code column} (the last {@code n} rows {@link #readCodes} read) whose bit is set in
   * {@code keep} into consecutive slots of {@code out} from 0: dictionary rows are looked up, plain rows copied.
   */
  void readCodedSelected(CodedColumn column, long[] keep, int n, FieldVector out) {
    int[] codes = column.codes();
    int kept = gatherKeptIds(codes, keep, n);
    if (kept >= 0) {
      // Every kept row is a dictionary id: one conversion of the gathered ids, however scattered the rows.
      converter.read(listed().at(keptIds, 0), out, 0, kept);
      return;
    }
    int slot = 0;
    int i = runOf(keep, 0, n, false);
    while (i < n) {
      int selectedEnd = runOf(keep, i + 1, n, true);
      while (i < selectedEnd) {
        int kind = Math.min(codes[i], 0);
        int j = i + 1;
        while (j < selectedEnd && Math.min(codes[j], 0) == kind) {
          j++;
        }
        if (kind == 0) {
          converter.read(listed().at(codes, i), out, slot, j - i);
        } else if (kind == CodedColumn.PLAIN) {
          for (int r = i; r < j; r++) {
            out.copyFromSafe(r, slot + r - i, column.plainValues());
          }
        }
        slot += j - i;
        i = j;
      }
      i = runOf(keep, selectedEnd, n, false);
    }
  }

  /**
   * Copies the codes of the rows set in {@code keep} to the front of {@link #keptIds} and returns how many,
   * or -1 when one of them is not a dictionary id (a null or a plain value).
   */
  private int gatherKeptIds(int[] codes, long[] keep, int n) {
    if (keptIds.length < n) {
      keptIds = new int[Math.max(n, 1024)];
    }
    int[] ids = keptIds;
    int kept = 0;
    int any = 0;
    for (int w = 0, words = (n + 63) >>> 6; w < words; w++) {
      int base = w << 6;
      // The caller may have set the bits past the batch's last row.
      for (long word = keep[w] & SelectionBits.mask(w, 0, n); word != 0; word &= word - 1) {
        int code = codes[base + Long.numberOfTrailingZeros(word)];
        ids[kept++] = code;
        any |= code;
      }
    }
    return any < 0 ? -1 : kept;
  }

  private ListedDictionaryValues listed() {
    if (listed == null) {
      listed = new ListedDictionaryValues(dictionary);
    }
    return listed;
  }

  /**
   * The chunk's dictionary converted into a new vector like {@code field} (slot i holds entry i), for judging
   * a pushed filter once per entry; null when the chunk has no dictionary. The caller closes it.
   */
  FieldVector dictionaryVector(Field field, BufferAllocator allocator) {
    if (dictionary == null) {
      return null;
    }
    int size = dictionary.size;
    FieldVector v = field.createVector(allocator);
    try {
      if (v instanceof BaseVariableWidthVector w) {
        w.allocateNew(Math.max(1, dictionary.bytes.length), Math.max(1, size));
      } else {
        v.setInitialCapacity(Math.max(1, size));
        v.allocateNew();
      }
      int[] ids = new int[size];
      for (int i = 0; i < size; i++) {
        ids[i] = i;
      }
      converter.read(new ListedDictionaryValues(dictionary).at(ids, 0), v, 0, size);
      v.setValueCount(size);
      return v;
    } catch (RuntimeException e) {
      v.close();
      throw e;
    }
  }

  /** A run of rows of a flat column: {@code length} rows from {@code row}, all values or all nulls. */
  private interface RunVisitor {
    void visit(int row, int length, boolean defined);
  }

  /**
   * Splits the next {@code n} rows of a flat column into runs of non-null values and of nulls, within one page
   * each; while a run is visited, {@link #values} is that page's values, positioned at the run's first value.
   */
  private void forEachRun(int n, RunVisitor visitor) throws IOException {
    int pos = 0;
    while (pos < n) {
      if (pagePos == pageCount) {
        if (!nextPage()) {
          throw new ParquetDecodingException("Column " + columnName() + " has fewer values than its row group has rows");
        }
        continue;
      }
      int k = Math.min(n - pos, pageCount - pagePos);
      if (maxDef == 0 || pageAllDefined) {
        visitor.visit(pos, k, true);
      } else {
        int[] def = defLevels;
        int start = pagePos;
        int end = start + k;
        int i = start;
        while (i < end) {
          boolean defined = def[i] == maxDef;
          int j = i + 1;
          while (j < end && (def[j] == maxDef) == defined) {
            j++;
          }
          visitor.visit(pos + (i - start), j - i, defined);
          i = j;
        }
      }
      pagePos += k;
      pos += k;
    }
  }

  /** The first index in {@code [from, end)} whose bit is not {@code set}, or end. */
  private static int runOf(long[] bits, int from, int end, boolean set) {
    int i = from;
    while (i < end) {
      long word = set ? ~bits[i >>> 6] : bits[i >>> 6];
      word &= -1L << (i & 63);
      if (word != 0) {
        return Math.min(end, ((i >>> 6) << 6) + Long.numberOfTrailingZeros(word));
      }
      i = ((i >>> 6) + 1) << 6;
    }
    return end;
  }

  /**
   * Reads the levels of the next {@code records} records into {@code levels} and the non-null values into
   * consecutive slots of {@code leaf} starting at 0 (a slot per level entry with definition level at least
   * {@code slotDef}). {@code leaf} is null for a column read only for its levels. Returns the number of
   * records read, fewer only at the end of the chunk.
   */
  int readRecords(int records, LevelBuffer levels, FieldVector leaf, int slotDef) throws IOException {
    levels.clear();
    int done = 0;
    int slot = 0;
    int runStart = 0;
    int runLength = 0;
    while (true) {
      if (pagePos == pageCount) {
        flushRun(leaf, runStart, runLength);
        runLength = 0;
        if (!nextPage()) {
          break;
        }
        continue;
      }
      int r = maxRep == 0 ? 0 : repLevels[pagePos];
      if (r == 0) {
        if (done == records) {
          break;
        }
        done++;
      }
      int d = maxDef == 0 || pageAllDefined ? maxDef : defLevels[pagePos];
      levels.add(r, d);
      if (d >= slotDef) {
        if (d == maxDef) {
          if (runLength == 0) {
            runStart = slot;
          }
          runLength++;
        } else {
          flushRun(leaf, runStart, runLength);
          runLength = 0;
        }
        slot++;
      }
      pagePos++;
    }
    flushRun(leaf, runStart, runLength);
    return done;
  }

  private void flushRun(FieldVector leaf, int start, int length) {
    if (length == 0) {
      return;
    }
    if (leaf == null || converter == null) {
      values.skip(length);
    } else {
      VectorBits.ensureCapacity(leaf, start + length);
      converter.read(values, leaf, start, length);
    }
  }

  private boolean nextPage() throws IOException {
    if (pageArray != null) {
      // Nothing reads the page once the next is loaded: values and strings have been copied out of it.
      PageBuffers.giveBack(pageArray);
      pageArray = null;
    }
    DataPage page = pages.readPage();
    if (page == null) {
      return false;
    }
    int count = page.getValueCount();
    pageAllDefined = false;
    if (defLevels.length < count) {
      defLevels = new int[count];
      if (maxRep > 0) {
        repLevels = new int[count];
      }
    }
    if (page instanceof DataPageV1 v1) {
      loadV1(v1, count);
    } else if (page instanceof DataPageV2 v2) {
      loadV2(v2, count);
    } else {
      throw new ParquetDecodingException("Unknown data page kind " + page.getClass().getName());
    }
    pageCount = count;
    pagePos = 0;
    return true;
  }

  private void loadV1(DataPageV1 page, int count) throws IOException {
    ByteSlice s = ByteSlice.of(page.getBytes());
    pageArray = s.buf();
    int p = s.offset();
    if (maxRep > 0) {
      p = readV1Levels(page.getRlEncoding(), maxRep, ValuesType.REPETITION_LEVEL, s, p, count, repLevels);
    }
    if (maxDef > 0) {
      p = readV1Levels(page.getDlEncoding(), maxDef, ValuesType.DEFINITION_LEVEL, s, p, count, defLevels);
    }
    values = values(page.getValueEncoding(), s.buf(), p, s.end(), count);
  }

  private void loadV2(DataPageV2 page, int count) throws IOException {
    if (maxRep > 0) {
      readV2Levels(page.getRepetitionLevels(), maxRep, ValuesType.REPETITION_LEVEL, count, repLevels);
    }
    if (maxDef > 0) {
      readV2Levels(page.getDefinitionLevels(), maxDef, ValuesType.DEFINITION_LEVEL, count, defLevels);
    }
    ByteSlice data = ByteSlice.of(page.getData());
    pageArray = data.buf();
    values = values(page.getDataEncoding(), data.buf(), data.offset(), data.end(), count);
  }

  /** Data page v1 levels: RLE with a 4-byte length prefix, or the deprecated BIT_PACKED of old writers. */
  @SuppressWarnings("deprecation")
  private int readV1Levels(Encoding enc, int maxLevel, ValuesType kind, ByteSlice s, int p, int count, int[] dst)
      throws IOException {
    int width = BytesUtils.getWidthFromMaxInt(maxLevel);
    if (enc == Encoding.RLE) {
      if (p + 4 > s.end()) {
        throw new ParquetDecodingException("Page of column " + columnName() + " ends before its levels");
      }
      byte[] b = s.buf();
      int len = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
      if (len < 0 || p + 4 + len > s.end()) {
        throw new ParquetDecodingException("Levels of column " + columnName() + " run past the page");
      }
      readLevels(new RleBitPackedDecoder(b, p + 4, p + 4 + len, width), maxLevel, kind, count, dst);
      return p + 4 + len;
    }
    if (enc == Encoding.BIT_PACKED) {
      int len = (int) (((long) count * width + 7) / 8);
      if (p + len > s.end()) {
        throw new ParquetDecodingException("Levels of column " + columnName() + " run past the page");
      }
      ValuesReader reader = enc.getValuesReader(column, kind);
      reader.initFromPage(count, ByteBufferInputStream.wrap(ByteBuffer.wrap(s.buf(), p, len)));
      for (int i = 0; i < count; i++) {
        dst[i] = reader.readInteger();
      }
      return p + len;
    }
    throw new ParquetDecodingException("Unsupported level encoding " + enc + " in column " + columnName());
  }

  private void readV2Levels(BytesInput bytes, int maxLevel, ValuesType kind, int count, int[] dst)
      throws IOException {
    ByteSlice s = ByteSlice.of(bytes);
    readLevels(new RleBitPackedDecoder(s.buf(), s.offset(), s.end(), BytesUtils.getWidthFromMaxInt(maxLevel)),
        maxLevel, kind, count, dst);
  }

  /**
   * A page without nulls has one RLE run of the maximum definition level; it is noted instead of expanded
   * into {@code dst}, so that neither decoding nor the null scan touches every value.
   */
  private void readLevels(RleBitPackedDecoder levels, int maxLevel, ValuesType kind, int count, int[] dst) {
    if (kind == ValuesType.DEFINITION_LEVEL && levels.startsWithRunOf(maxLevel, count)) {
      pageAllDefined = true;
    } else {
      levels.readInts(dst, 0, count);
    }
  }

  private PageValues values(Encoding enc, byte[] buf, int off, int end, int count) throws IOException {
    switch (enc) {
      case PLAIN:
        return new PlainValues(buf, off, end, type.getPrimitiveTypeName(), type.getTypeLength());
      case PLAIN_DICTIONARY:
      case RLE_DICTIONARY:
        if (dictionary == null) {
          throw new ParquetDecodingException("Column " + columnName() + " has dictionary-encoded pages but no dictionary");
        }
        return new DictionaryValues(dictionary, buf, off, end);
      case RLE:
        if (type.getPrimitiveTypeName() == PrimitiveTypeName.BOOLEAN) {
          return new RleBooleanValues(buf, off, end);
        }
        throw new ParquetDecodingException("The RLE value encoding is not valid for column " + columnName());
      default:
        ValuesReader reader = enc.getValuesReader(column, ValuesType.VALUES);
        reader.initFromPage(count, ByteBufferInputStream.wrap(ByteBuffer.wrap(buf, off, end - off)));
        return new FallbackValues(reader);
    }
  }

  private String columnName() {
    return String.join(".", column.getPath());
  }
}
