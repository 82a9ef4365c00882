package io.jdocker.linux.ns;

/** The namespaces a container gets, with their /proc/PID/ns name and clone(2) flag. */
public enum Namespace {
  PID("pid", "pid", 0x20000000),
  MOUNT("mount", "mnt", 0x00020000),
  UTS("uts", "uts", 0x04000000),
  IPC("ipc", "ipc", 0x08000000),
  NET("net", "net", 0x40000000);

  private final String specName;
  private final String procName;
  private final int cloneFlag;

  Namespace(String specName, String procName, int cloneFlag) {
    this.specName = specName;
    this.procName = procName;
    this.cloneFlag = cloneFlag;
  }

  /** The name jdocker-init's spec uses. */
  public String specName() {
    return specName;
  }

  /** The file name under /proc/PID/ns. */
  public String procName() {
    return procName;
  }

  public int cloneFlag() {
    return cloneFlag;
  }
}
