package dev.quiver.formats.csv;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The bytes of the lines that begin inside a byte range {@code [start, end)} of a file, found with the rule of
 * Hadoop's line reader so that the ranges of a file together yield every line exactly once: a range that does
 * not start at 0 begins just after the first line end found at or after {@code start - 1}, and every range
 * ends just after the first line end found at or after {@code end - 1} (or at the end of the file). The
 * previous range therefore stops exactly where the next one starts.
 *
 * <p>Line ends are LF, CR and CRLF, or the given separator bytes. Only valid for character sets in which those
 * bytes never occur inside another character (UTF-8 and the single-byte sets, not UTF-16).
 */
final class LineRangeInputStream extends InputStream {
  private final InputStream in;
  private final byte[] lineSep;
  private final long searchFrom;
  private final byte[] buf = new byte[64 * 1024];
  private final byte[] one = new byte[1];
  private int pos;
  private int limit;
  private boolean inputDone;
  /** File offset of buf[pos]. */
  private long offset;
  /** Bytes of the final line end still to hand out before the range is done. */
  private int tail;
  private boolean done;

  /**
   * @param in the file positioned at {@code max(0, start - 1)}
   * @param lineSep the line end bytes, or null for LF, CR and CRLF
   */
  private LineRangeInputStream(InputStream in, long start, long end, byte[] lineSep) {
    this.in = Objects.requireNonNull(in);
    this.lineSep = lineSep;
    this.offset = Math.max(0, start - 1);
    this.searchFrom = end - 1;
  }

  /**
   * Opens the range over {@code in}, which must already be positioned at {@code max(0, start - 1)}. The
   * partial first line of a range that does not start at 0 is skipped here.
   */
  static InputStream open(InputStream in, long start, long end, byte[] lineSep) throws IOException {
    LineRangeInputStream range = new LineRangeInputStream(in, start, end, lineSep);
    if (start > 0) {
      range.skipThroughLineEnd();
      if (range.offset >= end) {
        // The first line starting in this range starts at or after its end: it belongs to the next range.
        range.done = true;
      }
    }
    return range;
  }

  @Override
  public int read() throws IOException {
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (tail > 0) {
      int n = Math.min(len, tail);
      copy(b, off, n);
      tail -= n;
      done = tail == 0;
      return n;
    }
    if (done || !ensure(1)) {
      done = true;
      return -1;
    }
    int available = Math.min(len, limit - pos);
    if (offset + available <= searchFrom) {
      copy(b, off, available);
      return available;
    }
    int beforeSearch = (int) Math.max(0, searchFrom - offset);
    if (beforeSearch > 0) {
      copy(b, off, beforeSearch);
      return beforeSearch;
    }
    // In the last line: hand out bytes up to and including the first line end.
    int i = 0;
    while (i < len) {
      if (!ensure(i + 1)) {
        done = true;
        break;
      }
      int eol = lineEndAt(i);
      if (eol > 0) {
        int fits = Math.min(eol, len - i);
        tail = eol - fits;
        done = tail == 0;
        i += fits;
        break;
      }
      i++;
    }
    if (i == 0) {
      return -1;
    }
    copy(b, off, i);
    return i;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private void skipThroughLineEnd() throws IOException {
    while (ensure(1)) {
      int eol = lineEndAt(0);
      if (eol > 0) {
        advance(eol);
        return;
      }
      advance(1);
    }
  }

  /** Length of the line end starting {@code i} bytes after pos, 0 if there is none. */
  private int lineEndAt(int i) throws IOException {
    byte c = buf[pos + i];
    if (lineSep == null) {
      if (c == '\n') {
        return 1;
      }
      if (c == '\r') {
        return ensure(i + 2) && buf[pos + i + 1] == '\n' ? 2 : 1;
      }
      return 0;
    }
    if (c != lineSep[0] || !ensure(i + lineSep.length)) {
      return 0;
    }
    for (int k = 1; k < lineSep.length; k++) {
      if (buf[pos + i + k] != lineSep[k]) {
        return 0;
      }
    }
    return lineSep.length;
  }

  private void copy(byte[] b, int off, int n) {
    System.arraycopy(buf, pos, b, off, n);
    advance(n);
  }

  private void advance(int n) {
    pos += n;
    offset += n;
  }

  private boolean ensure(int n) throws IOException {
    while (limit - pos < n) {
      if (inputDone) {
        return false;
      }
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        limit -= pos;
        pos = 0;
      }
      int r = in.read(buf, limit, buf.length - limit);
      if (r < 0) {
        inputDone = true;
      } else {
        limit += r;
      }
    }
    return true;
  }
}
