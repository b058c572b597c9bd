package dev.quiver.formats.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Decoded footers of recently opened local Parquet files. Every query reads the footers of the files it scans
 * (each task its own), and decoding one of TPC-H's lineitem files takes about half a millisecond, as long as a
 * small query's whole stage; reading its bytes is a few microseconds. So each open still reads the footer's
 * bytes from the file it opened, and a footer decoded before is used only when those bytes are the same: the
 * decoded footer is a function of them, so it can never describe another version of the file, however the
 * file was replaced (same name, length, time or even inode). Footers are not modified after decoding, so
 * tasks share them. The least recently used make room, within {@link #MAX_FILES} files and
 * {@link #MAX_BYTES} bytes of footers (decoded, they take a few times that).
 */
final class FooterCache {
  static final int MAX_FILES = 256;
  static final long MAX_BYTES = 4L << 20;
  /** Bigger footers (thousands of columns or row groups) are decoded each time, never kept. */
  static final int MAX_FOOTER_BYTES = 1 << 20;
  private static final FooterCache SHARED = new FooterCache(MAX_FILES, MAX_BYTES);
  private static final int TAIL = 8; // the footer's length (4 bytes, little-endian), then "PAR1"

  private final int maxFiles;
  private final long maxBytes;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  FooterCache(int maxFiles, long maxBytes) {
    this.maxFiles = maxFiles;
    this.maxBytes = maxBytes;
  }

  static FooterCache shared() {
    return SHARED;
  }

  private record Entry(byte[] serialized, ParquetMetadata footer) {}

  /**
   * The footer of {@code path}, open as {@code stream} of {@code length} bytes, decoded as {@code options} say
   * unless the same bytes were decoded before; null when the file does not end in a plain Parquet footer (an
   * encrypted footer, a damaged file, a footer too big to keep), which the caller then reads as parquet-mr
   * does, failing with its message.
   */
  ParquetMetadata footer(String path, SeekableInputStream stream, long length, ParquetReadOptions options)
      throws IOException {
    if (length < ParquetFileWriter.MAGIC.length + TAIL) {
      return null;
    }
    byte[] tail = new byte[TAIL];
    stream.seek(length - TAIL);
    stream.readFully(tail);
    int size = (tail[0] & 0xff) | (tail[1] & 0xff) << 8 | (tail[2] & 0xff) << 16 | (tail[3] & 0xff) << 24;
    if (!Arrays.equals(tail, 4, TAIL, ParquetFileWriter.MAGIC, 0, ParquetFileWriter.MAGIC.length)
        || size <= 0 || size > MAX_FOOTER_BYTES || size > length - TAIL - ParquetFileWriter.MAGIC.length) {
      return null;
    }
    byte[] serialized = new byte[size];
    stream.seek(length - TAIL - size);
    stream.readFully(serialized);
    synchronized (this) {
      Entry known = entries.get(path);
      if (known != null && Arrays.equals(known.serialized, serialized)) {
        return known.footer;
      }
    }
    ParquetMetadata footer = new ParquetMetadataConverter(options).readParquetMetadata(
        new ByteArrayInputStream(serialized), ParquetMetadataConverter.NO_FILTER);
    put(path, new Entry(serialized, footer));
    return footer;
  }

  private synchronized void put(String path, Entry entry) {
    Entry replaced = entries.put(path, entry);
    bytes += entry.serialized.length - (replaced == null ? 0 : replaced.serialized.length);
    Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
    while ((entries.size() > maxFiles || bytes > maxBytes) && eldest.hasNext()) {
      bytes -= eldest.next().getValue().serialized.length;
      eldest.remove();
    }
  }

  synchronized int size() {
    return entries.size();
  }

  synchronized long bytes() {
    return bytes;
  }
}
