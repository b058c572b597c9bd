package dev.quiver.formats.commit;

import dev.quiver.formats.HadoopFs;
import dev.quiver.sql.QuiverException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The file-system steps of the commit protocol on one Hadoop FileSystem, each failing with a message that
 * names the path and the step, so a failed write says what it was doing.
 */
final class CommitFs {
  private final FileSystem fs;

  CommitFs(Path anyPath) {
    this.fs = HadoopFs.fs(anyPath);
  }

  Path qualify(Path p) {
    return fs.makeQualified(p);
  }

  boolean exists(Path p) {
    try {
      return fs.exists(p);
    } catch (IOException e) {
      throw failure("check whether " + p + " exists", e);
    }
  }

  /** The status of {@code p}, or null when it does not exist. */
  FileStatus status(Path p) {
    try {
      return fs.getFileStatus(p);
    } catch (FileNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw failure("read the status of " + p, e);
    }
  }

  void mkdirs(Path p) {
    try {
      if (!fs.mkdirs(p)) {
        throw new IOException("mkdirs returned false");
      }
    } catch (IOException e) {
      throw failure("create the directory " + p, e);
    }
  }

  /** Renames, failing unless the rename happened. */
  void rename(Path from, Path to) {
    try {
      if (!fs.rename(from, to)) {
        throw new IOException("rename returned false");
      }
    } catch (IOException e) {
      throw failure("move " + from + " to " + to, e);
    }
  }

  /** Renames; false (not an error) when the file system refused, e.g. because the target exists. */
  boolean tryRename(Path from, Path to) {
    try {
      return fs.rename(from, to);
    } catch (IOException e) {
      throw failure("move " + from + " to " + to, e);
    }
  }

  /** Deletes recursively; a missing path is fine. */
  void delete(Path p) {
    try {
      if (fs.exists(p) && !fs.delete(p, true) && fs.exists(p)) {
        throw new IOException("delete returned false");
      }
    } catch (IOException e) {
      throw failure("delete " + p, e);
    }
  }

  /** Deletes {@code dir} if it exists and is an empty directory. */
  void deleteIfEmpty(Path dir) {
    try {
      FileStatus st = status(dir);
      if (st != null && st.isDirectory() && fs.listStatus(dir).length == 0) {
        fs.delete(dir, false);
      }
    } catch (IOException e) {
      throw failure("delete the empty directory " + dir, e);
    }
  }

  /** Creates an empty file, replacing an existing one. */
  void touch(Path p) {
    try {
      fs.create(p, true).close();
    } catch (IOException e) {
      throw failure("create " + p, e);
    }
  }

  /** All files below {@code dir}, depth first in name order. */
  List<Path> listFiles(Path dir) {
    List<Path> out = new ArrayList<>();
    collect(dir, out);
    return out;
  }

  private void collect(Path dir, List<Path> out) {
    FileStatus[] children;
    try {
      children = fs.listStatus(dir);
    } catch (IOException e) {
      throw failure("list " + dir, e);
    }
    java.util.Arrays.sort(children, java.util.Comparator.comparing(s -> s.getPath().getName()));
    for (FileStatus c : children) {
      if (c.isDirectory()) {
        collect(c.getPath(), out);
      } else {
        out.add(c.getPath());
      }
    }
  }

  /** {@code file}'s path below {@code dir}, with '/' separators: {@code year=2024/part-0.csv}. */
  static String relative(Path dir, Path file) {
    String d = dir.toUri().getPath();
    String f = file.toUri().getPath();
    if (!f.startsWith(d + "/")) {
      throw new IllegalStateException(file + " is not below " + dir);
    }
    return f.substring(d.length() + 1);
  }

  private static QuiverException failure(String step, IOException e) {
    return new QuiverException("Could not " + step + ": " + e.getMessage()
        + ". Check the permissions and free space of the output location.", e);
  }
}
