package dev.quiver.formats.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * The footers of recently read local Parquet files, by path, file identity (device and inode), length and
 * modification time: every query reads the footers of the files it scans (each task its own), and decoding one
 * of TPC-H's lineitem files takes about half a millisecond, as long as a small query's whole stage. A file
 * replaced or rewritten since (another inode, length or time) misses and is read again. Footers are never
 * modified after decoding, so tasks share them.
 */
final class FooterCache {
  /** Enough for the files of a few wide tables; a footer of 16 columns and one row group is about 20 KB. */
  static final int CAPACITY = 256;
  private static final FooterCache SHARED = new FooterCache(CAPACITY);

  private final Map<Version, ParquetMetadata> footers;

  FooterCache(int capacity) {
    this.footers = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Version, ParquetMetadata> eldest) {
        return size() > capacity;
      }
    };
  }

  static FooterCache shared() {
    return SHARED;
  }

  /** The footer of the file when it was {@code version}, or null. */
  synchronized ParquetMetadata get(Version version) {
    return footers.get(version);
  }

  synchronized void put(Version version, ParquetMetadata footer) {
    footers.put(version, footer);
  }

  synchronized int size() {
    return footers.size();
  }

  /** One state of a file: {@code fileKey} is the file system's identity of it, null where there is none. */
  record Version(Path path, Object fileKey, long length, long modifiedNanos) {
    static Version of(Path path) throws IOException {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      return new Version(path, a.fileKey(), a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }
  }
}
