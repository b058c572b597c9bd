package dev.quiver.formats.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.junit.jupiter.api.Test;

/** Footers are decoded once per state of a file, and a file replaced or rewritten is read anew. */
class FooterCacheTest extends ParquetTestSupport {
  private static final StructType LONGS = new StructType().add("x", DataTypes.LongType);
  private static final StructType STRINGS = new StructType().add("s", DataTypes.StringType);

  private static List<Object[]> longs(int n) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {(long) i});
    }
    return rows;
  }

  private static ParquetMetadata footerOf(String path) throws Exception {
    try (ParquetFileReader reader = ParquetFiles.open(path, -1)) {
      return reader.getFooter();
    }
  }

  @Test
  void aFileReadAgainUsesTheFooterDecodedTheFirstTime() throws Exception {
    String path = path("a.parquet");
    write(path, LONGS, longs(10));
    ParquetMetadata first = footerOf(path);
    assertSame(first, footerOf(path));
    assertSame(first, FooterCache.shared().get(FooterCache.Version.of(Path.of(path))));
    assertEquals(10, read(path, LONGS).size());
    assertEquals(10, read(path, LONGS).size());
  }

  @Test
  void aFileRewrittenWithOtherContentIsReadAnew() throws Exception {
    String path = path("b.parquet");
    write(path, LONGS, longs(10));
    assertEquals(List.of(List.of(0L), List.of(1L)), read(path, LONGS).subList(0, 2));
    Files.delete(Path.of(path));
    List<Object[]> strings = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      strings.add(new Object[] {"v" + i});
    }
    write(path, STRINGS, strings);
    assertEquals(25, footerOf(path).getBlocks().get(0).getRowCount());
    assertEquals(List.of("v0"), read(path, STRINGS).get(0));
  }

  @Test
  void aFileReplacedByOneOfTheSameLengthAndTimeIsReadAnew() throws Exception {
    String path = path("c.parquet");
    write(path, LONGS, longs(10));
    ParquetMetadata before = footerOf(path);
    // A copy has the same length; given the same modification time, only the file's identity tells them apart.
    Path copy = dir.resolve("copy.parquet");
    Files.copy(Path.of(path), copy);
    FileTime time = Files.getLastModifiedTime(Path.of(path));
    Files.setLastModifiedTime(copy, time);
    Files.move(copy, Path.of(path), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    assertEquals(time, Files.getLastModifiedTime(Path.of(path)));
    assertNotSame(before, footerOf(path));
  }

  @Test
  void theLeastRecentlyUsedFooterMakesRoom() throws Exception {
    FooterCache cache = new FooterCache(2);
    List<FooterCache.Version> versions = new ArrayList<>();
    List<ParquetMetadata> footers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String path = path("f" + i + ".parquet");
      write(path, LONGS, longs(i + 1));
      versions.add(FooterCache.Version.of(Path.of(path)));
      footers.add(footerOf(path));
    }
    cache.put(versions.get(0), footers.get(0));
    cache.put(versions.get(1), footers.get(1));
    assertSame(footers.get(0), cache.get(versions.get(0))); // now the most recently used
    cache.put(versions.get(2), footers.get(2));
    assertEquals(2, cache.size());
    assertNull(cache.get(versions.get(1)));
    assertSame(footers.get(0), cache.get(versions.get(0)));
    assertSame(footers.get(2), cache.get(versions.get(2)));
  }
}
