package dev.quiver.driver;

import dev.quiver.formats.parquet.ParquetWarmup;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Class initialization a first local query needs but a session's start does not: Arrow's schema JSON mapper,
 * the task protobuf descriptors and Parquet's footer classes (ParquetWarmup). A daemon thread does it once
 * per process, on the core the session's single-threaded start leaves idle, so it overlaps listing and
 * planning instead of adding to the first query. A thread that gets to a class first simply waits for its
 * initialization; anything failing here fails again, with its real error, where the query uses it.
 */
final class StartupWarmup {
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private StartupWarmup() {}

  static void start() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(StartupWarmup::run, "quiver-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  private static void run() {
    try {
      ParquetWarmup.run();
      Class.forName(Schema.class.getName());
      dev.quiver.proto.TaskDefinition.getDefaultInstance();
      dev.quiver.proto.TaskDefinition.getDescriptor();
    } catch (Exception | LinkageError e) {
      // Only a head start: the query that needs the class reports the problem.
    }
  }
}
