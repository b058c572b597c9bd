package dev.quiver.formats;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * Local files ({@code file:} paths and paths without a scheme) read with java.nio instead of Hadoop's
 * FileSystem. Only Hadoop's plain value types ({@link Path}, {@link FileStatus}) are used: the first
 * FileSystem call of a process builds a Hadoop Configuration (parsing its XML defaults), logs a user in and
 * starts a shell probe, a few hundred milliseconds that a local read does not need. The statuses equal what
 * Hadoop's raw local file system returns: qualified {@code file:} paths, length, modification time, and
 * symbolic links followed.
 */
public final class LocalFiles {
  private static final URI LOCAL_FS = URI.create("file:///");

  private LocalFiles() {}

  /** True for a path Hadoop would resolve to the local file system: no scheme or {@code file:}. */
  public static boolean isLocal(Path path) {
    String scheme = path.toUri().getScheme();
    return scheme == null || scheme.equals("file");
  }

  /** True for a user path (a string, as {@link HadoopFs#path} reads it) on the local file system. */
  public static boolean isLocal(String path) {
    return isLocal(HadoopFs.path(path));
  }

  /** The path as Hadoop's local file system qualifies it: {@code file:} and absolute, against the working directory. */
  public static Path qualify(Path path) {
    return path.makeQualified(LOCAL_FS, workingDirectory());
  }

  /** The java.nio path of a local Hadoop path. */
  public static java.nio.file.Path toNio(Path path) {
    return Paths.get(qualify(path).toUri().getPath());
  }

  /** The java.nio path of a local user path. */
  public static java.nio.file.Path toNio(String path) {
    return toNio(HadoopFs.path(path));
  }

  public static boolean exists(Path path) {
    return Files.exists(toNio(path));
  }

  /** The status of a file or directory; FileNotFoundException (as Hadoop throws) when there is none. */
  public static FileStatus status(Path path) throws IOException {
    java.nio.file.Path p = toNio(path);
    try {
      return status(p, Files.readAttributes(p, BasicFileAttributes.class));
    } catch (NoSuchFileException e) {
      throw notFound(p, e);
    }
  }

  /**
   * The entries of a directory, or the file itself for a file, as Hadoop's {@code listStatus}: entries that
   * vanish while being listed are left out.
   */
  public static FileStatus[] list(Path path) throws IOException {
    java.nio.file.Path dir = toNio(path);
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(dir, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw notFound(dir, e);
    }
    if (!attributes.isDirectory()) {
      return new FileStatus[] {status(dir, attributes)};
    }
    List<FileStatus> children = new ArrayList<>();
    try (DirectoryStream<java.nio.file.Path> entries = Files.newDirectoryStream(dir)) {
      for (java.nio.file.Path child : entries) {
        try {
          children.add(status(child, Files.readAttributes(child, BasicFileAttributes.class)));
        } catch (NoSuchFileException e) {
          // Deleted (or a dangling link) between listing and stat: Hadoop leaves it out too.
        }
      }
    } catch (NoSuchFileException e) {
      throw notFound(dir, e);
    }
    return children.toArray(new FileStatus[0]);
  }

  private static FileStatus status(java.nio.file.Path p, BasicFileAttributes attributes) {
    // From the absolute path string, as Hadoop's local file system builds it: Path(parent, name) would read a
    // name with a colon as a URI scheme.
    Path path = qualify(new Path(p.toAbsolutePath().toString()));
    return new FileStatus(attributes.size(), attributes.isDirectory(), 1, 0, attributes.lastModifiedTime().toMillis(),
        path);
  }

  private static Path workingDirectory() {
    return new Path(System.getProperty("user.dir")).makeQualified(LOCAL_FS, null);
  }

  private static FileNotFoundException notFound(java.nio.file.Path p, Exception cause) {
    FileNotFoundException e = new FileNotFoundException("File " + p + " does not exist");
    e.initCause(cause);
    return e;
  }
}
