package dev.quiver.planner.serde;

import dev.quiver.planner.logical.FileSource;
import dev.quiver.planner.physical.ScanPartition;
import dev.quiver.planner.physical.ScanSplit;
import dev.quiver.proto.FileSourceProto;
import dev.quiver.proto.ScanPartitionProto;
import dev.quiver.proto.ScanSplitProto;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * File sources and scan splits, shared by the logical FileRelation and the physical FileScanExec. Partition
 * values are read against the source's partition schema, which is why a split only decodes with its source.
 */
public final class FileSourceSerde {
  private FileSourceSerde() {}

  /** A resolved file source (files listed, schema inferred) as a driver hands it back to a remote client. */
  public static byte[] toBytes(FileSource source) {
    return toProto(source).toByteArray();
  }

  public static FileSource fromBytes(byte[] bytes) {
    return fromProto(ProtoBytes.parse(bytes, FileSourceProto.parser(), "FileSourceProto"));
  }

  static FileSourceProto toProto(FileSource s) {
    List<DataType> partitionTypes = LiteralValueSerde.typesOf(s.partitionSchema());
    FileSourceProto.Builder b = FileSourceProto.newBuilder().setFormat(s.format()).addAllPaths(s.paths())
        .putAllOptions(s.options()).setDataSchema(TypeSerde.structToProto(s.dataSchema()))
        .setPartitionSchema(TypeSerde.structToProto(s.partitionSchema()));
    for (FileSource.SourceFile f : s.files()) {
      b.addFiles(FileSourceProto.SourceFile.newBuilder().setPath(f.path()).setLength(f.length())
          .addAllPartitionValues(LiteralValueSerde.valuesToProto(f.partitionValues(), partitionTypes,
              "The partition values of " + f.path())));
    }
    return b.build();
  }

  static FileSource fromProto(FileSourceProto p) {
    StructType partitionSchema = TypeSerde.structFromProto(p.getPartitionSchema());
    List<DataType> partitionTypes = LiteralValueSerde.typesOf(partitionSchema);
    List<FileSource.SourceFile> files = new ArrayList<>(p.getFilesCount());
    for (FileSourceProto.SourceFile f : p.getFilesList()) {
      files.add(new FileSource.SourceFile(f.getPath(), f.getLength(),
          LiteralValueSerde.valuesFromProto(f.getPartitionValuesList(), partitionTypes, "FileSourceProto.SourceFile")));
    }
    return new FileSource(p.getFormat(), p.getPathsList(), p.getOptionsMap(),
        TypeSerde.structFromProto(p.getDataSchema()), partitionSchema, files);
  }

  static List<ScanPartitionProto> partitionsToProto(List<ScanPartition> partitions, StructType partitionSchema) {
    List<DataType> partitionTypes = LiteralValueSerde.typesOf(partitionSchema);
    List<ScanPartitionProto> out = new ArrayList<>(partitions.size());
    for (ScanPartition partition : partitions) {
      ScanPartitionProto.Builder b = ScanPartitionProto.newBuilder();
      for (ScanSplit s : partition.splits()) {
        b.addSplits(ScanSplitProto.newBuilder().setPath(s.path()).setStart(s.start()).setLength(s.length())
            .setFileLength(s.fileLength()).addAllPartitionValues(LiteralValueSerde.valuesToProto(
                s.partitionValues(), partitionTypes, "The partition values of the split of " + s.path())));
      }
      out.add(b.build());
    }
    return out;
  }

  static List<ScanPartition> partitionsFromProto(List<ScanPartitionProto> ps, StructType partitionSchema) {
    List<DataType> partitionTypes = LiteralValueSerde.typesOf(partitionSchema);
    List<ScanPartition> out = new ArrayList<>(ps.size());
    for (ScanPartitionProto p : ps) {
      List<ScanSplit> splits = new ArrayList<>(p.getSplitsCount());
      for (ScanSplitProto s : p.getSplitsList()) {
        splits.add(new ScanSplit(s.getPath(), s.getStart(), s.getLength(), s.getFileLength(),
            LiteralValueSerde.valuesFromProto(s.getPartitionValuesList(), partitionTypes, "ScanSplitProto")));
      }
      out.add(new ScanPartition(splits));
    }
    return out;
  }
}
