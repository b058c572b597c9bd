package dev.quiver.formats.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.formats.FormatOptions;
import dev.quiver.formats.KeySet;
import dev.quiver.formats.SourceFilter;
import dev.quiver.formats.SourceFilter.Op;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Join keys pushed into the reader while a task runs ({@link SourceFilter.KeysIn}): the reader returns exactly
 * the rows whose key is in the set, every column intact (across pages, row groups, dictionary and plain
 * encodings, nulls), judges the keys only for rows the pushed filters kept, the smaller set first, and stops
 * judging a set that keeps nearly every row.
 */
class ParquetKeyFilterTest extends ParquetTestSupport {
  static final StructType SCHEMA = StructType.fromDDL("id INT, k BIGINT, day DATE, name STRING, x DOUBLE");
  static final int ROWS = 40_000;

  String file;
  List<Object[]> data;

  /** A set that counts its lookups, so tests can tell which rows were judged. */
  static final class CountingKeys implements KeySet {
    final Set<Long> keys;
    final AtomicLong lookups = new AtomicLong();

    CountingKeys(Set<Long> keys) {
      this.keys = keys;
    }

    @Override
    public boolean contains(long key) {
      lookups.incrementAndGet();
      return keys.contains(key);
    }

    @Override
    public int sizeBound() {
      return keys.size();
    }
  }

  @BeforeEach
  void writeFile() {
    file = path("keyed.parquet");
    data = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      // k: unique (plain pages), null every 13th row; day repeats (dictionary); name repeats.
      data.add(new Object[] {i, i % 13 == 0 ? null : (long) i * 3, 18000 + i / 100, "n" + i % 50, i * 0.5});
    }
    write(file, SCHEMA, data, FormatOptions.of(Map.of("parquet.block.size", "131072", "parquet.page.size", "4096",
        "parquet.dictionary.page.size", "8192")));
  }

  private List<List<Object>> scan(SourceFilter... filters) {
    return read(whole(file), SCHEMA, SCHEMA, List.of(filters), FormatOptions.empty(), 1000);
  }

  private List<List<Object>> expected(Predicate<Object[]> p) {
    return matching(data, p);
  }

  private static Set<Long> longs(long from, long to, long step) {
    Set<Long> out = new HashSet<>();
    for (long v = from; v < to; v += step) {
      out.add(v);
    }
    return out;
  }

  @Test
  void aBigintKeySetReturnsExactlyTheRowsWhoseKeyIsInIt() {
    // Every 21st multiple of 3 below 90000: rows 0, 7, 14, ... below 30000, but not the null rows (13k).
    CountingKeys keys = new CountingKeys(longs(0, 90_000, 21));
    List<List<Object>> got = scan(new SourceFilter.KeysIn("k", keys));
    List<List<Object>> want = expected(r -> r[1] != null && (Long) r[1] < 90_000 && (Long) r[1] % 21 == 0);
    assertEquals(want, got);
    assertTrue(want.size() > 3000, "" + want.size());
  }

  @Test
  void intAndDateKeysWidenToLongs() {
    Set<Long> ids = longs(100, 40_000, 997);
    assertEquals(expected(r -> ids.contains((long) (Integer) r[0])),
        scan(new SourceFilter.KeysIn("id", new CountingKeys(ids))));
    Set<Long> days = Set.of(18_001L, 18_250L, 18_399L, 17_000L);
    assertEquals(expected(r -> days.contains((long) (Integer) r[2])),
        scan(new SourceFilter.KeysIn("day", new CountingKeys(days))));
  }

  @Test
  void keysAreJudgedOnlyForRowsThePushedFiltersKept() {
    CountingKeys keys = new CountingKeys(longs(0, 120_000, 2));
    List<List<Object>> got = scan(new SourceFilter.Compare("name", Op.EQ, "n7"),
        new SourceFilter.KeysIn("k", keys));
    List<List<Object>> want = expected(r -> r[3].equals("n7") && r[1] != null && (Long) r[1] % 2 == 0);
    assertEquals(want, got);
    // 800 rows are named n7, and null keys need no lookup.
    assertTrue(keys.lookups.get() <= 800, "lookups: " + keys.lookups.get());
  }

  @Test
  void theSmallerSetIsJudgedFirstAndTheLargerOnlyForTheRowsItKept() {
    CountingKeys few = new CountingKeys(longs(0, 30_000, 30));
    CountingKeys many = new CountingKeys(longs(0, 60_000, 1));
    List<List<Object>> got = scan(new SourceFilter.KeysIn("k", many), new SourceFilter.KeysIn("id", few));
    assertEquals(expected(r -> (Integer) r[0] % 30 == 0 && (Integer) r[0] < 30_000 && r[1] != null
        && (Long) r[1] < 60_000), got);
    assertEquals(ROWS, few.lookups.get(), "the small set judges every row");
    assertTrue(many.lookups.get() <= 1000, "the large one only the rows the small one kept: "
        + many.lookups.get());
  }

  @Test
  void aSetThatKeepsNearlyEveryRowIsNoLongerJudgedAfterItsTrial() {
    CountingKeys all = new CountingKeys(longs(0, 3L * ROWS, 3));
    List<List<Object>> got = scan(new SourceFilter.KeysIn("k", all));
    // Rows whose key the set was not asked about come back too (with null keys among them): the plan's join
    // drops them.
    assertEquals(expected(r -> r[1] != null).size(), got.stream().filter(r -> r.get(1) != null).count());
    assertTrue(all.lookups.get() < ROWS / 2, "lookups: " + all.lookups.get());
  }
}
