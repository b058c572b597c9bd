package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.keys.KeyHasher;

/**
 * Spark's XORShiftRandom (the generator of rand/randn): the seed is scrambled with Scala's MurmurHash3 of its
 * eight big-endian bytes, each step is an xorshift (21, 35, 4), and nextDouble/nextGaussian are
 * java.util.Random's (53 bits from two draws; the polar method with a spare value). Same seed, same values
 * as Spark.
 */
final class XorShiftRandom {
  private long seed;
  private double nextNextGaussian;
  private boolean haveNextNextGaussian;

  XorShiftRandom(long init) {
    this.seed = hashSeed(init);
  }

  private int next(int bits) {
    long nextSeed = seed ^ (seed << 21);
    nextSeed ^= nextSeed >>> 35;
    nextSeed ^= nextSeed << 4;
    seed = nextSeed;
    return (int) (nextSeed & ((1L << bits) - 1));
  }

  double nextDouble() {
    return (((long) next(26) << 27) + next(27)) * 0x1.0p-53;
  }

  double nextGaussian() {
    if (haveNextNextGaussian) {
      haveNextNextGaussian = false;
      return nextNextGaussian;
    }
    double v1;
    double v2;
    double s;
    do {
      v1 = 2 * nextDouble() - 1;
      v2 = 2 * nextDouble() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s == 0);
    double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    nextNextGaussian = v2 * multiplier;
    haveNextNextGaussian = true;
    return v1 * multiplier;
  }

  /** Spark's XORShiftRandom.hashSeed: two MurmurHash3 passes over the seed's bytes make 64 bits. */
  static long hashSeed(long seed) {
    byte[] bytes = new byte[8];
    for (int k = 0; k < 8; k++) {
      bytes[k] = (byte) (seed >>> (56 - 8 * k));
    }
    int low = bytesHash(bytes, 0x3c074a61);
    int high = bytesHash(bytes, low);
    return ((long) high << 32) | (low & 0xFFFFFFFFL);
  }

  /** Scala's MurmurHash3.bytesHash. */
  static int bytesHash(byte[] data, int seed) {
    int len = data.length;
    int h = seed;
    int i = 0;
    while (len >= 4) {
      int k = data[i] & 0xFF;
      k |= (data[i + 1] & 0xFF) << 8;
      k |= (data[i + 2] & 0xFF) << 16;
      k |= (data[i + 3] & 0xFF) << 24;
      h = mix(h, k);
      i += 4;
      len -= 4;
    }
    int k = 0;
    if (len == 3) {
      k ^= (data[i + 2] & 0xFF) << 16;
    }
    if (len >= 2) {
      k ^= (data[i + 1] & 0xFF) << 8;
    }
    if (len >= 1) {
      k ^= data[i] & 0xFF;
      h = mixLast(h, k);
    }
    return KeyHasher.fmix(h ^ data.length);
  }

  private static int mix(int hash, int data) {
    int h = mixLast(hash, data);
    h = Integer.rotateLeft(h, 13);
    return h * 5 + 0xe6546b64;
  }

  private static int mixLast(int hash, int data) {
    int k = data;
    k *= 0xcc9e2d51;
    k = Integer.rotateLeft(k, 15);
    k *= 0x1b873593;
    return hash ^ k;
  }
}
