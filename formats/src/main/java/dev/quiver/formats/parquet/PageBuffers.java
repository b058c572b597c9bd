package dev.quiver.formats.parquet;

import java.lang.ref.WeakReference;

/**
 * Decompressed data pages' arrays, reused within a task thread. A scan decompresses about as many bytes as
 * it decodes, a new megabyte-sized array per page; each costs the JVM's zeroing and sends the heap through
 * young collections. A column reader hands its page's array back when it moves to the next page, and the
 * decompressor lends it for a later page. Only arrays this thread lent recently and has not taken back are
 * taken back, so slices of a column chunk (uncompressed pages) and arrays still in use elsewhere never are.
 * The arrays lent are remembered weakly (dictionary pages and a chunk's last page are never handed back and
 * must not be kept alive), and at most {@link #KEPT} free arrays of at most {@link #LARGEST} bytes are kept.
 */
final class PageBuffers {
  /** Free arrays kept per thread. */
  private static final int KEPT = 8;
  /** Larger arrays are left to the garbage collector: one odd huge page must not stay pinned. */
  static final int LARGEST = 4 << 20;
  /** Arrays remembered as lent; one lent earlier than this many takes ago is not taken back. */
  private static final int REMEMBERED = 64;
  private static final ThreadLocal<PageBuffers> LOCAL = ThreadLocal.withInitial(PageBuffers::new);

  private final byte[][] free = new byte[KEPT][];
  private int freeCount;
  @SuppressWarnings("unchecked")
  private final WeakReference<byte[]>[] lent = new WeakReference[REMEMBERED];
  private int lentAt;

  private PageBuffers() {}

  /** An array of at least {@code size} bytes whose contents are arbitrary. */
  static byte[] take(int size) {
    return LOCAL.get().lend(size);
  }

  /** Takes back {@code array} if this thread lent it out and has not taken it back yet; else does nothing. */
  static void giveBack(byte[] array) {
    LOCAL.get().receive(array);
  }

  private byte[] lend(int size) {
    int best = -1;
    for (int i = 0; i < freeCount; i++) {
      if (free[i].length >= size && (best < 0 || free[i].length < free[best].length)) {
        best = i;
      }
    }
    byte[] array;
    if (best >= 0) {
      array = free[best];
      free[best] = free[--freeCount];
      free[freeCount] = null;
    } else {
      array = new byte[size];
    }
    lent[lentAt] = new WeakReference<>(array);
    lentAt = (lentAt + 1) % REMEMBERED;
    return array;
  }

  private void receive(byte[] array) {
    for (int i = 0; i < REMEMBERED; i++) {
      WeakReference<byte[]> ref = lent[i];
      if (ref != null && ref.get() == array) {
        lent[i] = null;
        if (freeCount < KEPT && array.length <= LARGEST) {
          free[freeCount++] = array;
        }
        return;
      }
    }
  }
}
