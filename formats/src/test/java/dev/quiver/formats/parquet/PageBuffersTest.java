package dev.quiver.formats.parquet;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PageBuffersTest {
  @Test
  void anArrayHandedBackIsLentAgainForAPageItFits() {
    byte[] first = PageBuffers.take(1000);
    assertTrue(first.length >= 1000);
    PageBuffers.giveBack(first);
    assertSame(first, PageBuffers.take(900));
  }

  @Test
  void anArrayTooSmallForThePageIsNotLent() {
    byte[] small = PageBuffers.take(100);
    PageBuffers.giveBack(small);
    byte[] big = PageBuffers.take(5000);
    assertNotSame(small, big);
    assertTrue(big.length >= 5000);
  }

  @Test
  void onlyArraysLentByThisThreadAndNotYetBackAreTakenBack() throws Exception {
    // A slice of a column chunk (an uncompressed page) was never lent: it must never be lent out.
    byte[] foreign = new byte[4096];
    PageBuffers.giveBack(foreign);
    assertNotSame(foreign, PageBuffers.take(10));
    // Handed back twice, an array is still lent only once.
    byte[] twice = PageBuffers.take(2000);
    PageBuffers.giveBack(twice);
    PageBuffers.giveBack(twice);
    byte[] one = PageBuffers.take(2000);
    byte[] other = PageBuffers.take(2000);
    assertNotSame(one, other);
    // Another thread's array.
    AtomicReference<byte[]> theirs = new AtomicReference<>();
    Thread t = new Thread(() -> theirs.set(PageBuffers.take(3000)));
    t.start();
    t.join();
    PageBuffers.giveBack(theirs.get());
    assertNotSame(theirs.get(), PageBuffers.take(3000));
  }

  @Test
  void theSmallestFreeArrayThatFitsIsLentAndHugeOnesAreNotKept() {
    byte[] big = PageBuffers.take(100_000);
    byte[] small = PageBuffers.take(2_000);
    PageBuffers.giveBack(big);
    PageBuffers.giveBack(small);
    assertSame(small, PageBuffers.take(1_500));
    assertSame(big, PageBuffers.take(1_500));
    byte[] huge = PageBuffers.take(PageBuffers.LARGEST + 1);
    PageBuffers.giveBack(huge);
    assertNotSame(huge, PageBuffers.take(10));
  }

  @Test
  void anArrayLentLongAgoIsForgotten() {
    byte[] old = PageBuffers.take(100);
    for (int i = 0; i < 200; i++) {
      PageBuffers.take(100); // never handed back, like dictionary pages and a chunk's last page
    }
    PageBuffers.giveBack(old);
    for (int i = 0; i < 20; i++) {
      assertNotSame(old, PageBuffers.take(100));
    }
  }
}
