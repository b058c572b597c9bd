package dev.quiver.planner.physical;

/** One method per physical operator, no default: a new operator breaks the compile of every walk. */
public interface PhysicalPlanVisitor<R> {
  R visitFileScanExec(FileScanExec fileScanExec);

  R visitLocalTableScanExec(LocalTableScanExec localTableScanExec);

  R visitRangeExec(RangeExec rangeExec);

  R visitInMemoryScanExec(InMemoryScanExec inMemoryScanExec);

  R visitShuffleReadExec(ShuffleReadExec shuffleReadExec);

  R visitBroadcastReadExec(BroadcastReadExec broadcastReadExec);

  R visitProjectExec(ProjectExec projectExec);

  R visitFilterExec(FilterExec filterExec);

  R visitHashAggregateExec(HashAggregateExec hashAggregateExec);

  R visitSortExec(SortExec sortExec);

  R visitTopNExec(TopNExec topNExec);

  R visitLimitExec(LimitExec limitExec);

  R visitShuffleExchangeExec(ShuffleExchangeExec shuffleExchangeExec);

  R visitBroadcastExchangeExec(BroadcastExchangeExec broadcastExchangeExec);

  R visitCoalesceExec(CoalesceExec coalesceExec);

  R visitWindowExec(WindowExec windowExec);

  R visitWriteFilesExec(WriteFilesExec writeFilesExec);

  R visitHashJoinExec(HashJoinExec hashJoinExec);

  R visitNestedLoopJoinExec(NestedLoopJoinExec nestedLoopJoinExec);

  R visitUnionExec(UnionExec unionExec);
}
