package dev.quiver.driver.remote;

import dev.quiver.driver.AppInfo;
import dev.quiver.driver.WriteRequest;
import dev.quiver.proto.AppInfoProto;
import dev.quiver.proto.WriteOptions;

/** The client protocol's messages for the driver's small value types, read and written the same on both ends. */
final class WireForms {
  private WireForms() {}

  static AppInfoProto toProto(AppInfo info) {
    return AppInfoProto.newBuilder().setAppName(info.appName()).setApplicationId(info.applicationId())
        .setMaster(info.master()).setSparkUser(info.sparkUser()).setStartTime(info.startTime())
        .setDefaultParallelism(info.defaultParallelism()).setVersion(info.version()).build();
  }

  static AppInfo fromProto(AppInfoProto p) {
    return new AppInfo(p.getAppName(), p.getApplicationId(), p.getMaster(), p.getSparkUser(), p.getStartTime(),
        p.getDefaultParallelism(), p.getVersion());
  }

  static WriteOptions toProto(WriteRequest r) {
    WriteOptions.Builder b = WriteOptions.newBuilder().putAllOptions(r.options()).addAllPartitionBy(r.partitionBy());
    if (r.format() != null) {
      b.setFormat(r.format());
    }
    if (r.mode() != null) {
      b.setMode(r.mode());
    }
    if (r.path() != null) {
      b.setPath(r.path());
    }
    return b.build();
  }

  static WriteRequest fromProto(WriteOptions p) {
    return new WriteRequest(p.hasFormat() ? p.getFormat() : null, p.hasMode() ? p.getMode() : null,
        p.getOptionsMap(), p.getPartitionByList(), p.hasPath() ? p.getPath() : null);
  }
}
