package dev.quiver.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LocalFiles must answer exactly as Hadoop's raw local file system, which it replaces for local reads. */
class LocalFilesTest {
  @TempDir
  java.nio.file.Path dir;

  private java.nio.file.Path write(String relative, String content) throws IOException {
    java.nio.file.Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private static FileSystem hadoop() {
    return HadoopFs.fs(new Path("file:///"));
  }

  /** What a listing compares: the qualified path, directory or not, and for files length and time. */
  private static List<String> describe(FileStatus[] statuses) {
    return Arrays.stream(statuses)
        .sorted(Comparator.comparing(s -> s.getPath().toString()))
        .map(s -> s.getPath() + (s.isDirectory() ? " dir" : " " + s.getLen() + " " + s.getModificationTime()))
        .toList();
  }

  @Test
  void listsADirectoryAsHadoopDoes() throws IOException {
    write("t/part-0.parquet", "abc");
    write("t/with space and:colon.csv", "12345");
    write("t/_SUCCESS", "");
    write("t/sub/x.csv", "1");
    Path t = HadoopFs.path(dir.resolve("t").toString());

    FileStatus[] local = LocalFiles.list(t);

    assertEquals(describe(hadoop().listStatus(t)), describe(local));
    assertEquals(4, local.length);
  }

  @Test
  void listingAFileGivesTheFileItself() throws IOException {
    java.nio.file.Path f = write("one.csv", "1,2\n");
    Path p = HadoopFs.path(f.toString());

    assertEquals(describe(hadoop().listStatus(p)), describe(LocalFiles.list(p)));
    assertEquals(describe(new FileStatus[] {hadoop().getFileStatus(p)}),
        describe(new FileStatus[] {LocalFiles.status(p)}));
  }

  @Test
  void aMissingPathIsFileNotFoundAsInHadoop() {
    Path missing = HadoopFs.path(dir.resolve("nope").toString());

    assertFalse(LocalFiles.exists(missing));
    assertThrows(FileNotFoundException.class, () -> LocalFiles.list(missing));
    assertThrows(FileNotFoundException.class, () -> LocalFiles.status(missing));
    assertThrows(FileNotFoundException.class, () -> hadoop().listStatus(missing));
  }

  @Test
  void qualifiesEveryLocalSpellingAsHadoop() {
    for (String p : List.of(dir.toString(), dir + "/a/../b", "file://" + dir + "/c", "file:" + dir + "/d",
        "relative/dir", "./x.parquet")) {
      Path path = HadoopFs.path(p);
      assertTrue(LocalFiles.isLocal(path), p);
      assertEquals(hadoop().makeQualified(path), LocalFiles.qualify(path), p);
    }
    assertFalse(LocalFiles.isLocal(new Path("hdfs://namenode:8020/data")));
    assertFalse(LocalFiles.isLocal("s3a://bucket/key"));
  }

  @Test
  void theNioPathIsTheDecodedLocalPath() throws IOException {
    java.nio.file.Path f = write("a b%/c.csv", "x");

    java.nio.file.Path nio = LocalFiles.toNio(LocalFiles.list(HadoopFs.path(f.toString()))[0].getPath().toString());

    assertEquals(f, nio);
    assertArrayEquals("x".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(nio));
  }
}
