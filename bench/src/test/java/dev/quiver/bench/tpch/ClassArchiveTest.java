package dev.quiver.bench.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {
  @TempDir
  Path dir;

  private Path jar(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void aClasspathWithADirectoryHasNoArchive() throws IOException {
    String classpath = jar("a.jar", "a") + File.pathSeparator + Files.createDirectory(dir.resolve("classes"));
    assertTrue(ClassArchive.forClasspath(classpath, dir.resolve("cds")).isEmpty());
  }

  @Test
  void aRebuiltJarGetsANewArchive() throws IOException {
    Path a = jar("a.jar", "a");
    String classpath = a + File.pathSeparator + jar("b.jar", "b");
    Path first = ClassArchive.forClasspath(classpath, dir).orElseThrow().file();
    assertEquals(first, ClassArchive.forClasspath(classpath, dir).orElseThrow().file(), "same jars, same archive");
    Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 5_000));
    assertNotEquals(first, ClassArchive.forClasspath(classpath, dir).orElseThrow().file());
  }

  @Test
  void installMovesATrainingRunsArchiveIntoPlaceAndDropsOlderOnes() throws IOException {
    ClassArchive archive = ClassArchive.forClasspath(jar("a.jar", "a").toString(), dir).orElseThrow();
    assertFalse(archive.install(), "no training output: nothing to install");
    Path older = Files.writeString(dir.resolve("quiver-0.jsa"), "old");
    Files.writeString(archive.trainingOutput(), "archive");
    assertTrue(archive.install());
    assertTrue(archive.exists());
    assertFalse(Files.exists(older));
    assertFalse(Files.exists(archive.trainingOutput()));
    assertTrue(archive.useFlags().contains("-XX:SharedArchiveFile=" + archive.file()));
  }
}
