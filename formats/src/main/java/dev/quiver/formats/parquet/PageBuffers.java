package dev.quiver.formats.parquet;

/**
 * Decompressed data pages' arrays, reused within a task thread. A scan decompresses about as many bytes as
 * it decodes, a new megabyte-sized array per page; each costs the JVM's zeroing and sends the heap through
 * young collections. A column reader hands its page's array back when it moves to the next page, and the
 * decompressor takes it for a later page. Only arrays this thread lent out recently are taken back, so
 * slices of a column chunk (uncompressed pages) and arrays still in use elsewhere never are.
 */
final class PageBuffers {
  /** Free arrays kept per thread. */
  private static final int KEPT = 8;
  /** Arrays remembered as lent; one lent earlier than this many takes ago is not taken back. */
  private static final int REMEMBERED = 64;
  private static final ThreadLocal<PageBuffers> LOCAL = ThreadLocal.withInitial(PageBuffers::new);

  private final byte[][] free = new byte[KEPT][];
  private int freeCount;
  private final byte[][] lent = new byte[REMEMBERED][];
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
    byte[] array = null;
    for (int i = 0; i < freeCount; i++) {
      if (free[i].length >= size) {
        array = free[i];
        free[i] = free[--freeCount];
        free[freeCount] = null;
        break;
      }
    }
    if (array == null) {
      array = new byte[size];
    }
    lent[lentAt] = array;
    lentAt = (lentAt + 1) % REMEMBERED;
    return array;
  }

  private void receive(byte[] array) {
    for (int i = 0; i < REMEMBERED; i++) {
      if (lent[i] == array) {
        lent[i] = null;
        if (freeCount < KEPT) {
          free[freeCount++] = array;
        }
        return;
      }
    }
  }
}
