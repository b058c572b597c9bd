package dev.quiver.worker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Bytes this worker fetched from other workers' shuffle files per job, and the time its readers spent waiting
 * for them: logged when the job ends, as the loopback/network fetch throughput.
 */
final class FetchStats {
  /** One job's counters. */
  static final class Job {
    final LongAdder bytes = new LongAdder();
    final LongAdder nanos = new LongAdder();
    final LongAdder streams = new LongAdder();
  }

  private final Map<Long, Job> jobs = new ConcurrentHashMap<>();

  Job job(long id) {
    return jobs.computeIfAbsent(id, k -> new Job());
  }

  /** Forgets a job; returns a line describing its fetches, or null if it fetched nothing remotely. */
  String remove(long id) {
    Job j = jobs.remove(id);
    if (j == null || j.bytes.sum() == 0) {
      return null;
    }
    double mb = j.bytes.sum() / 1e6;
    double seconds = Math.max(1e-9, j.nanos.sum() / 1e9);
    return String.format("job %d fetched %.1f MB in %d shuffle streams from other workers in %.3f s of reading "
        + "(%.0f MB/s)", id, mb, j.streams.sum(), seconds, mb / seconds);
  }
}
