package dev.quiver.executor.expressions.functions;

import org.apache.arrow.memory.util.MemoryUtil;

/**
 * A reusable byte buffer for functions that need a string or binary argument as a Java array (message
 * digests, codecs): one copy out of Arrow memory per row, no allocation once the buffer is large enough.
 */
final class ByteScratch {
  byte[] buf = new byte[64];
  int len;

  /** Loads argument {@code a} of row {@code row} (a string or binary value that is not null). */
  ByteScratch load(Args in, int a, int row) {
    if (in.isConstant(a)) {
      byte[] b = in.getBytes(a, row);
      ensure(b.length);
      System.arraycopy(b, 0, buf, 0, b.length);
      len = b.length;
      return this;
    }
    int n = in.length(a, row);
    ensure(n);
    MemoryUtil.copyFromMemory(in.address(a, row), buf, 0, n);
    len = n;
    return this;
  }

  /** Makes room for {@code n} bytes (keeping none of the old content). */
  byte[] ensure(int n) {
    if (buf.length < n) {
      buf = new byte[Math.max(n, buf.length * 2)];
    }
    return buf;
  }

  /** A copy of the loaded bytes. */
  byte[] copy() {
    return java.util.Arrays.copyOf(buf, len);
  }
}
