package dev.quiver.executor.task;

import com.google.protobuf.ByteString;
import dev.quiver.formats.commit.TaskCommitMessage;
import dev.quiver.proto.cluster.MapOutputProto;
import dev.quiver.proto.cluster.RowsProto;
import dev.quiver.proto.cluster.TaskFailureProto;
import dev.quiver.proto.cluster.TaskMetricsProto;
import dev.quiver.proto.cluster.TaskResult;
import dev.quiver.proto.cluster.WrittenProto;

/**
 * Task outcomes and failures to and from their wire form (worker -> driver). The one place in the executor
 * that sees the generated cluster messages.
 */
public final class TaskResultSerde {
  private TaskResultSerde() {}

  /** An ended attempt as the worker reports it: either its outcome or why it failed. */
  public sealed interface Ended {
    record Succeeded(TaskOutcome outcome) implements Ended {}

    record Failed(TaskFailure failure) implements Ended {}
  }

  public static TaskResult encode(TaskOutcome outcome) {
    TaskResult.Builder b = TaskResult.newBuilder().setMetrics(metrics(outcome.metrics()));
    if (outcome instanceof TaskOutcome.MapOutput m) {
      MapOutputProto.Builder mb = MapOutputProto.newBuilder().setDataFile(m.dataFile()).setIndexFile(m.indexFile());
      for (long v : m.partitionBytes()) {
        mb.addPartitionBytes(v);
      }
      for (long v : m.partitionRows()) {
        mb.addPartitionRows(v);
      }
      b.setMapOutput(mb);
    } else if (outcome instanceof TaskOutcome.Rows r) {
      b.setRows(RowsProto.newBuilder().setIpcStream(ByteString.copyFrom(r.ipcStream())).setRowCount(r.rowCount()));
    } else if (outcome instanceof TaskOutcome.Written w) {
      TaskCommitMessage c = w.commit();
      b.setWritten(WrittenProto.newBuilder().setPartitionId(c.partitionId()).setAttemptNumber(c.attemptNumber())
          .setCommitted(c.committed()).addAllFiles(c.files()).setRowCount(w.rowCount()));
    }
    return b.build();
  }

  public static TaskResult encode(TaskFailure f) {
    TaskFailureProto.Builder b = TaskFailureProto.newBuilder()
        .setKind(TaskFailureProto.Kind.valueOf(f.kind().name()))
        .setMessage(f.message() == null ? "" : f.message())
        .setFetchMapStageId(f.fetchMapStageId())
        .setError(ByteString.copyFrom(f.error()));
    if (f.fetchWorkerId() != null) {
      b.setFetchWorkerId(f.fetchWorkerId());
    }
    return TaskResult.newBuilder().setFailure(b).build();
  }

  /**
   * Reads a result; {@code outputPrefix} is put before a map output's file names, so the driver can record
   * which worker holds them.
   */
  public static Ended decode(TaskResult r, String outputPrefix) {
    TaskOutcome.TaskMetrics m = new TaskOutcome.TaskMetrics(r.getMetrics().getRowsRead(),
        r.getMetrics().getBytesRead(), r.getMetrics().getRowsWritten(), r.getMetrics().getBytesWritten(),
        r.getMetrics().getRunMillis());
    switch (r.getOutcomeCase()) {
      case MAP_OUTPUT: {
        MapOutputProto p = r.getMapOutput();
        return new Ended.Succeeded(new TaskOutcome.MapOutput(outputPrefix + p.getDataFile(),
            outputPrefix + p.getIndexFile(), toArray(p.getPartitionBytesList()), toArray(p.getPartitionRowsList()),
            m));
      }
      case ROWS:
        return new Ended.Succeeded(new TaskOutcome.Rows(r.getRows().getIpcStream().toByteArray(),
            r.getRows().getRowCount(), m));
      case WRITTEN: {
        WrittenProto w = r.getWritten();
        return new Ended.Succeeded(new TaskOutcome.Written(new TaskCommitMessage(w.getPartitionId(),
            w.getAttemptNumber(), w.getCommitted(), w.getFilesList()), w.getRowCount(), m));
      }
      case FAILURE: {
        TaskFailureProto f = r.getFailure();
        TaskFailure.Kind kind = f.getKind() == TaskFailureProto.Kind.KIND_UNSPECIFIED ? TaskFailure.Kind.OTHER
            : TaskFailure.Kind.valueOf(f.getKind().name());
        return new Ended.Failed(new TaskFailure(kind, f.getMessage(), f.getFetchMapStageId(),
            emptyToNull(f.getFetchWorkerId()), f.getError().toByteArray()));
      }
      default:
        throw new IllegalArgumentException("A task result with no outcome");
    }
  }

  private static TaskMetricsProto metrics(TaskOutcome.TaskMetrics m) {
    return TaskMetricsProto.newBuilder().setRowsRead(m.rowsRead()).setBytesRead(m.bytesRead())
        .setRowsWritten(m.rowsWritten()).setBytesWritten(m.bytesWritten()).setRunMillis(m.runMillis()).build();
  }

  private static long[] toArray(java.util.List<Long> values) {
    long[] a = new long[values.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = values.get(i);
    }
    return a;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
