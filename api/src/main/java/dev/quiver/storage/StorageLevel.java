package dev.quiver.storage;

/**
 * Spark's storage levels for {@code persist(level)}. Quiver keeps cached partitions as Arrow data in the
 * process that computed them; the level is recorded and reported but memory and disk are not distinguished.
 */
public final class StorageLevel implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public static final StorageLevel NONE = new StorageLevel("NONE", false, false, false, 1);
  public static final StorageLevel DISK_ONLY = new StorageLevel("DISK_ONLY", true, false, false, 1);
  public static final StorageLevel DISK_ONLY_2 = new StorageLevel("DISK_ONLY_2", true, false, false, 2);
  public static final StorageLevel MEMORY_ONLY = new StorageLevel("MEMORY_ONLY", false, true, true, 1);
  public static final StorageLevel MEMORY_ONLY_2 = new StorageLevel("MEMORY_ONLY_2", false, true, true, 2);
  public static final StorageLevel MEMORY_ONLY_SER = new StorageLevel("MEMORY_ONLY_SER", false, true, false, 1);
  public static final StorageLevel MEMORY_AND_DISK = new StorageLevel("MEMORY_AND_DISK", true, true, true, 1);
  public static final StorageLevel MEMORY_AND_DISK_2 = new StorageLevel("MEMORY_AND_DISK_2", true, true, true, 2);
  public static final StorageLevel MEMORY_AND_DISK_SER = new StorageLevel("MEMORY_AND_DISK_SER", true, true, false,
      1);
  public static final StorageLevel OFF_HEAP = new StorageLevel("OFF_HEAP", true, true, false, 1);

  private final String name;
  private final boolean useDisk;
  private final boolean useMemory;
  private final boolean deserialized;
  private final int replication;

  private StorageLevel(String name, boolean useDisk, boolean useMemory, boolean deserialized, int replication) {
    this.name = name;
    this.useDisk = useDisk;
    this.useMemory = useMemory;
    this.deserialized = deserialized;
    this.replication = replication;
  }

  public boolean useDisk() {
    return useDisk;
  }

  public boolean useMemory() {
    return useMemory;
  }

  public boolean deserialized() {
    return deserialized;
  }

  public int replication() {
    return replication;
  }

  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return "StorageLevel(" + (useDisk ? "disk, " : "") + (useMemory ? "memory, " : "")
        + (deserialized ? "deserialized, " : "") + replication + " replicas)";
  }
}
