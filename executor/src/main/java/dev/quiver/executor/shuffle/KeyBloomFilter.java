package dev.quiver.executor.shuffle;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The join keys one side of a shuffled join wrote, as a Bloom filter over their partitioning hashes (two bits
 * per key in 2^23), so the other side's map tasks can drop the rows that cannot match before writing them.
 * Map tasks record into a words array of their own ({@link #newWords()}, {@link #add}) and merge it when they
 * succeed, so a failed attempt adds nothing and a retried one only bits already set. A filter that saw too
 * many keys to drop much stops filtering ({@link #isUseful()}).
 */
public final class KeyBloomFilter {
  private static final int LOG_BITS = 23;
  private static final int SHIFT = 32 - LOG_BITS;
  /**
   * Beyond this many keys a quarter or more of absent keys pass: the filter costs its probes and saves little.
   */
  static final long MAX_KEYS = 1L << (LOG_BITS - 2);

  private final long[] words = new long[1 << (LOG_BITS - 6)];
  private long keys;
  /** {@link #toBytes()}'s answer until the next merge: every task of a filtered stage is sent the same bytes. */
  private byte[] bytes;

  /** A words array for one map task to record its keys into. */
  public static long[] newWords() {
    return new long[1 << (LOG_BITS - 6)];
  }

  /** Records a key by its partitioning hash (its top bits, which partitioning by the low bits leaves varied). */
  public static void add(long[] words, int hash) {
    int a = hash >>> SHIFT;
    int b = (hash * 0x9E3779B9) >>> SHIFT;
    words[a >>> 6] |= 1L << a;
    words[b >>> 6] |= 1L << b;
  }

  /** Merges a successful map task's recorded keys; {@code keys} counts its rows (an upper bound on its keys). */
  public synchronized void merge(long[] taskWords, long taskKeys) {
    for (int i = 0; i < words.length; i++) {
      words[i] |= taskWords[i];
    }
    keys += taskKeys;
    bytes = null;
  }

  /** Whether the filter drops enough absent keys to be worth probing. */
  public synchronized boolean isUseful() {
    return keys <= MAX_KEYS;
  }

  /**
   * The words, to send this filter to another process ({@link #merge(byte[], long)}); shared, not to be
   * written to.
   */
  public synchronized byte[] toBytes() {
    if (bytes == null) {
      ByteBuffer out = ByteBuffer.allocate(words.length * 8).order(ByteOrder.LITTLE_ENDIAN);
      out.asLongBuffer().put(words);
      bytes = out.array();
    }
    return bytes;
  }

  public synchronized long keys() {
    return keys;
  }

  /** Merges keys recorded in another process, as {@link #toBytes()} gave them. */
  public void merge(byte[] bytes, long taskKeys) {
    if (bytes.length != words.length * 8) {
      throw new IllegalArgumentException("A join key filter of " + bytes.length + " bytes, not " + words.length * 8);
    }
    long[] taskWords = new long[words.length];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(taskWords);
    merge(taskWords, taskKeys);
  }

  /**
   * 0 only for a key that was certainly not recorded, else 1; call only after every recording task merged.
   * Both bits are read without a branch between them (a filter that drops about half the rows would
   * mispredict it), for {@link ShuffleMapWriter}'s branch-free loop.
   */
  int probe(int hash) {
    int a = hash >>> SHIFT;
    int b = (hash * 0x9E3779B9) >>> SHIFT;
    return (int) (words[a >>> 6] >>> a & words[b >>> 6] >>> b & 1);
  }
}
