package dev.quiver.formats;

import dev.quiver.sql.QuiverException;
import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The process-wide Hadoop configuration and FileSystem lookup. Building a Configuration loads resources and
 * is slow, so one is shared; FileSystem instances are cached by Hadoop per scheme and authority.
 */
public final class HadoopFs {
  private static volatile Configuration conf;

  private HadoopFs() {}

  public static Configuration conf() {
    Configuration c = conf;
    if (c == null) {
      synchronized (HadoopFs.class) {
        c = conf;
        if (c == null) {
          c = new Configuration();
          // Local files need no checksum side files (.crc); Spark users do not expect them either.
          c.setBoolean("fs.file.impl.disable.cache", false);
          conf = c;
        }
      }
    }
    return c;
  }

  /** A Hadoop path for a user path: local paths without a scheme become {@code file:} paths. */
  public static Path path(String p) {
    if (p.contains(":/") || p.startsWith("file:")) {
      return new Path(p);
    }
    // File.toURI() appends '/' to an existing directory, and Path(URI) keeps it: getName() would be "" and
    // the path would not equal the same directory as listed by the FileSystem. Path(scheme, authority, path)
    // normalizes (no trailing slash, no "." or "..") and encodes the decoded path again.
    return new Path("file", null, new java.io.File(p).getAbsoluteFile().toURI().getPath());
  }

  public static FileSystem fs(Path p) {
    try {
      FileSystem fs = p.getFileSystem(conf());
      if (fs instanceof org.apache.hadoop.fs.LocalFileSystem local) {
        // The checksummed local FS writes .crc files next to every output; use the raw one.
        return local.getRawFileSystem();
      }
      return fs;
    } catch (IOException e) {
      throw new QuiverException("Cannot access the file system of '" + p + "': " + e.getMessage(), e);
    }
  }

  public static FileSystem fs(String p) {
    return fs(path(p));
  }

  public static URI qualify(String p) {
    Path path = path(p);
    return fs(path).makeQualified(path).toUri();
  }
}
