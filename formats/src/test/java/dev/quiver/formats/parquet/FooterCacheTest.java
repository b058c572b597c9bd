package dev.quiver.formats.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.SeekableInputStream;
import org.junit.jupiter.api.Test;

/** Footers are decoded once per distinct footer of a file; any other version of the file is read anew. */
class FooterCacheTest extends ParquetTestSupport {
  private static final StructType LONGS = new StructType().add("x", DataTypes.LongType);

  private static List<Object[]> longs(int from, int n) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = from; i < from + n; i++) {
      rows.add(new Object[] {(long) i});
    }
    return rows;
  }

  private static ParquetMetadata footerOf(String path) throws Exception {
    try (ParquetFileReader reader = ParquetFiles.open(path, -1)) {
      return reader.getFooter();
    }
  }

  private static ParquetMetadata footerOf(FooterCache cache, String path) throws Exception {
    LocalParquetFile file = new LocalParquetFile(Path.of(path), Files.size(Path.of(path)));
    try (SeekableInputStream stream = file.newStream()) {
      return cache.footer(path, stream, file.getLength(),
          ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
    }
  }

  private static long max(ParquetMetadata footer) {
    return (Long) footer.getBlocks().get(0).getColumns().get(0).getStatistics().genericGetMax();
  }

  @Test
  void aFileReadAgainUsesTheFooterDecodedTheFirstTime() throws Exception {
    String path = path("a.parquet");
    write(path, LONGS, longs(0, 10));
    ParquetMetadata first = footerOf(path);
    assertSame(first, footerOf(path));
    assertEquals(10, read(path, LONGS).size());
    assertEquals(10, read(path, LONGS).size());
  }

  @Test
  void aFileRewrittenInPlaceWithTheSameLengthAndTimeIsReadAnew() throws Exception {
    String path = path("b.parquet");
    write(path, LONGS, longs(0, 10));
    // Another file of the same length with other values (Snappy may make some a byte shorter or longer).
    byte[] replacement = null;
    long replacementMax = 0;
    for (int from = 1; from < 200 && replacement == null; from++) {
      String other = path("other" + from + ".parquet");
      write(other, LONGS, longs(from, 10));
      if (Files.size(Path.of(other)) == Files.size(Path.of(path))) {
        replacement = Files.readAllBytes(Path.of(other));
        replacementMax = from + 9;
      }
    }
    assumeTrue(replacement != null, "no other file of the same length");
    assertEquals(9L, max(footerOf(path)));
    // Same path, inode, length and modification time: only the bytes differ, as after `cp -p` over the file.
    FileTime time = Files.getLastModifiedTime(Path.of(path));
    Files.write(Path.of(path), replacement, StandardOpenOption.TRUNCATE_EXISTING);
    Files.setLastModifiedTime(Path.of(path), time);
    assertEquals(replacementMax, max(footerOf(path)));
    assertEquals(List.of(replacementMax - 9), read(path, LONGS).get(0));
  }

  @Test
  void aFileReplacedByAnotherIsReadAnewAndAnIdenticalCopyIsNot() throws Exception {
    String path = path("c.parquet");
    write(path, LONGS, longs(0, 10));
    ParquetMetadata before = footerOf(path);
    Path copy = dir.resolve("copy.parquet");
    Files.copy(Path.of(path), copy);
    Files.move(copy, Path.of(path), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    assertSame(before, footerOf(path), "the same footer bytes decode to the same footer");
    Files.delete(Path.of(path));
    write(path, LONGS, longs(100, 3));
    ParquetMetadata after = footerOf(path);
    assertNotSame(before, after);
    assertEquals(102L, max(after));
  }

  @Test
  void aCachedFileDeletedSinceIsReportedMissing() throws Exception {
    String path = path("gone.parquet");
    write(path, LONGS, longs(0, 5));
    assertNotNull(footerOf(path));
    Files.delete(Path.of(path));
    QuiverException e = assertThrows(QuiverException.class, () -> footerOf(path));
    assertEquals("FAILED_READ_FILE.FILE_NOT_EXIST", e.getErrorClass());
  }

  @Test
  void whatDoesNotEndInAPlainFooterIsLeftToParquetMr() throws Exception {
    String path = path("text.parquet");
    Files.writeString(Path.of(path), "not parquet at all, but long enough");
    FooterCache cache = new FooterCache(4, 1 << 20);
    assertNull(footerOf(cache, path));
    assertEquals(0, cache.size());
    QuiverException e = assertThrows(QuiverException.class, () -> footerOf(path));
    assertEquals("CANNOT_READ_FILE_FOOTER", e.getErrorClass());
  }

  @Test
  void theLeastRecentlyUsedFootersMakeRoomByCountAndByBytes() throws Exception {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String path = path("f" + i + ".parquet");
      write(path, LONGS, longs(0, i + 1));
      paths.add(path);
    }
    FooterCache byCount = new FooterCache(2, 1 << 20);
    ParquetMetadata first = footerOf(byCount, paths.get(0));
    footerOf(byCount, paths.get(1));
    assertSame(first, footerOf(byCount, paths.get(0))); // now the most recently used
    footerOf(byCount, paths.get(2));
    assertEquals(2, byCount.size());
    assertSame(first, footerOf(byCount, paths.get(0)));

    FooterCache byBytes = new FooterCache(10, 1);
    footerOf(byBytes, paths.get(0));
    footerOf(byBytes, paths.get(1));
    assertEquals(0, byBytes.size());
    assertEquals(0, byBytes.bytes());
  }
}
