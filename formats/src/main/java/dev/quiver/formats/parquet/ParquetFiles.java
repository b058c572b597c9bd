package dev.quiver.formats.parquet;

import dev.quiver.formats.HadoopFs;
import dev.quiver.formats.LocalFiles;
import dev.quiver.sql.QuiverException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.functional.FutureIO;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Opening Parquet files: local ones through java.nio ({@link LocalParquetFile}, no Hadoop FileSystem or
 * Configuration), others through {@link HadoopFs}; and the errors a user sees when a file is missing or not
 * Parquet.
 */
final class ParquetFiles {
  /** Hadoop 3.4's read policy hint for Parquet: random reads, footer first (used by cloud connectors). */
  private static final String READ_POLICY_KEY = "fs.option.openfile.read.policy";
  private static final String READ_POLICY = "parquet, vector, random, adaptive";

  private ParquetFiles() {}

  /**
   * Opens a reader (which reads the footer). {@code length} is the file length when the caller knows it
   * from listing, else negative.
   */
  static ParquetFileReader open(String path, long length) {
    try {
      Path p = HadoopFs.path(path);
      if (LocalFiles.isLocal(p)) {
        java.nio.file.Path file = LocalFiles.toNio(p);
        long len = length >= 0 ? length : Files.size(file);
        // Not ParquetReadOptions.builder(): without a configuration it builds a Hadoop one.
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
            .withCodecFactory(new PageDecompressors())
            .build();
        LocalParquetFile input = new LocalParquetFile(file, len);
        SeekableInputStream stream = input.newStream();
        try {
          ParquetMetadata footer = FooterCache.shared().footer(file.toString(), stream, len, options);
          return footer != null ? new ParquetFileReader(input, footer, options, stream)
              : new ParquetFileReader(input, options, stream);
        } catch (IOException | RuntimeException e) {
          stream.close();
          throw e;
        }
      }
      FileSystem fs = HadoopFs.fs(p);
      long len = length >= 0 ? length : fs.getFileStatus(p).getLen();
      ParquetReadOptions options = HadoopReadOptions.builder(HadoopFs.conf(), p)
          .withCodecFactory(new PageDecompressors())
          .build();
      return new ParquetFileReader(new FsInputFile(fs, p, len), options);
    } catch (QuiverException e) {
      throw e;
    } catch (FileNotFoundException | NoSuchFileException e) {
      throw notFound(path, e);
    } catch (IOException | RuntimeException e) {
      throw notParquet(path, e);
    }
  }

  static QuiverException notFound(String path, Exception cause) {
    return new QuiverException("FAILED_READ_FILE.FILE_NOT_EXIST", "File " + path + " does not exist. It may have "
        + "been deleted or moved after the input was listed; check the path and read it again.", "KD001", cause);
  }

  static QuiverException notParquet(String path, Exception cause) {
    String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new QuiverException("CANNOT_READ_FILE_FOOTER", "Could not read footer for file: " + path + ". It is not "
        + "a Parquet file or it is corrupt (" + detail + "). Make sure the input path holds only Parquet files, "
        + "and replace or remove this file.", "KD001", cause);
  }

  /** An InputFile on a given FileSystem, so that the raw local file system can be used. */
  private record FsInputFile(FileSystem fs, Path path, long length) implements InputFile {
    @Override
    public long getLength() {
      return length;
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
      FSDataInputStream in = FutureIO.awaitFuture(fs.openFile(path).opt(READ_POLICY_KEY, READ_POLICY).build());
      return HadoopStreams.wrap(in);
    }

    @Override
    public String toString() {
      return path.toString();
    }
  }
}
