package dev.quiver.formats.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;

/** A range {@code [offset, end)} of a byte array: page data as the decoders read it. */
record ByteSlice(byte[] buf, int offset, int end) {
  /**
   * The bytes of a page. Decompressed and uncompressed pages of the heap allocator are array-backed, so this
   * normally wraps them without a copy.
   */
  // Deprecated for direct buffers, whose release it cannot track; the reader's pages are all on the heap.
  @SuppressWarnings("deprecation")
  static ByteSlice of(BytesInput input) throws IOException {
    ByteBuffer bb = input.toByteBuffer();
    if (bb.hasArray()) {
      int start = bb.arrayOffset() + bb.position();
      return new ByteSlice(bb.array(), start, start + bb.remaining());
    }
    byte[] copy = new byte[bb.remaining()];
    bb.duplicate().get(copy);
    return new ByteSlice(copy, 0, copy.length);
  }

  int length() {
    return end - offset;
  }
}
