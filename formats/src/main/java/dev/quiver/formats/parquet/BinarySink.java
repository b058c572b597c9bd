package dev.quiver.formats.parquet;

/**
 * Receives byte-array values ({@code BINARY}, {@code FIXED_LEN_BYTE_ARRAY}, {@code INT96}) one at a time as a
 * slice of a buffer the source owns, so that no per-value array or Binary object is made. The slice is only
 * valid during the call.
 */
@FunctionalInterface
interface BinarySink {
  void accept(byte[] src, int offset, int length);
}
