package dev.quiver.planner.physical;

/** The number of output partitions of each operator. */
final class PartitionCounter implements PhysicalPlanVisitor<Integer> {

  private int of(PhysicalPlan p) {
    return p.accept(this);
  }

  @Override
  public Integer visitFileScanExec(FileScanExec p) {
    return p.partitions().size();
  }

  @Override
  public Integer visitLocalTableScanExec(LocalTableScanExec p) {
    return p.numPartitions();
  }

  @Override
  public Integer visitRangeExec(RangeExec p) {
    return p.numSlices();
  }

  @Override
  public Integer visitInMemoryScanExec(InMemoryScanExec p) {
    return p.numPartitions();
  }

  @Override
  public Integer visitShuffleReadExec(ShuffleReadExec p) {
    return p.partitioning().numPartitions();
  }

  @Override
  public Integer visitBroadcastReadExec(BroadcastReadExec p) {
    return 1;
  }

  @Override
  public Integer visitProjectExec(ProjectExec p) {
    return of(p.child());
  }

  @Override
  public Integer visitFilterExec(FilterExec p) {
    return of(p.child());
  }

  @Override
  public Integer visitHashAggregateExec(HashAggregateExec p) {
    return of(p.child());
  }

  @Override
  public Integer visitSortExec(SortExec p) {
    return of(p.child());
  }

  @Override
  public Integer visitTopNExec(TopNExec p) {
    return of(p.child());
  }

  @Override
  public Integer visitLimitExec(LimitExec p) {
    return of(p.child());
  }

  @Override
  public Integer visitShuffleExchangeExec(ShuffleExchangeExec p) {
    return p.partitioning().numPartitions();
  }

  @Override
  public Integer visitBroadcastExchangeExec(BroadcastExchangeExec p) {
    return 1;
  }

  @Override
  public Integer visitCoalesceExec(CoalesceExec p) {
    return Math.max(1, Math.min(p.numPartitions(), of(p.child())));
  }

  @Override
  public Integer visitWindowExec(WindowExec p) {
    return of(p.child());
  }

  @Override
  public Integer visitWriteFilesExec(WriteFilesExec p) {
    return of(p.child());
  }

  @Override
  public Integer visitHashJoinExec(HashJoinExec p) {
    return of(p.buildSide() == BuildSide.RIGHT ? p.left() : p.right());
  }

  @Override
  public Integer visitNestedLoopJoinExec(NestedLoopJoinExec p) {
    return of(p.buildSide() == BuildSide.RIGHT ? p.left() : p.right());
  }

  @Override
  public Integer visitUnionExec(UnionExec p) {
    int total = 0;
    for (PhysicalPlan c : p.children()) {
      total += of(c);
    }
    return total;
  }
}
