package dev.quiver.formats.ipc;

import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;

/**
 * Arrow IPC buffer compression for writing (the IPC format's own, per buffer; readers need no setting, the
 * stream says which codec it used, and streams compressed with LZ4 by other producers are read too).
 *
 * <p>LZ4 is deliberately not offered for writing: Arrow Java's LZ4 codec goes through commons-compress's
 * pure-Java frame encoder, which takes seconds per megabyte, while ZSTD (native, zstd-jni) compresses the
 * same data smaller in milliseconds.
 */
public enum IpcCompression {
  NONE(CompressionUtil.CodecType.NO_COMPRESSION),
  ZSTD(CompressionUtil.CodecType.ZSTD);

  private final CompressionUtil.CodecType codecType;

  IpcCompression(CompressionUtil.CodecType codecType) {
    this.codecType = codecType;
  }

  CompressionCodec codec() {
    return this == NONE ? NoCompressionCodec.INSTANCE : CommonsCompressionFactory.INSTANCE.createCodec(codecType);
  }

  /** The factory readers use: it decodes whichever codec a stream names. */
  static CompressionCodec.Factory readerFactory() {
    return CommonsCompressionFactory.INSTANCE;
  }
}
