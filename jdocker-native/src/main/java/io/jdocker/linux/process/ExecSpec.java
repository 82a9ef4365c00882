package io.jdocker.linux.process;

import io.jdocker.linux.ns.Namespace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A process to start inside a running container (docker exec), through jdocker-init's exec mode.
 *
 * @param targetPid the container's PID 1 as the host sees it; its namespaces are joined
 * @param args the command; args[0] is looked up in {@code env}'s PATH inside the container
 * @param env "KEY=value" entries, exactly the process's environment (the daemon merges the
 *     container's with the exec's, as Docker does)
 * @param cwd working directory inside the container, or null for /; it must exist
 * @param cgroupProcs the container's {@code cgroup.procs} files (host paths, one per v1 hierarchy
 *     or the single v2 one); the process joins them before exec
 * @param namespaces the container's namespaces to join
 * @param capabilities what a root user keeps, normally the container's; null keeps every
 *     capability the daemon has (exec --privileged, or a privileged container)
 * @param stdio pipes, FIFOs or a pty slave ({@link ContainerSpec.Stdio#console})
 */
public record ExecSpec(
    int targetPid,
    List<String> args,
    List<String> env,
    String cwd,
    int uid,
    int gid,
    List<Integer> groups,
    List<Path> cgroupProcs,
    Set<Namespace> namespaces,
    Set<Capability> capabilities,
    ContainerSpec.Stdio stdio) {

  public ExecSpec {
    args = List.copyOf(args);
    env = List.copyOf(env);
    groups = List.copyOf(groups);
    cgroupProcs = List.copyOf(cgroupProcs);
    namespaces = namespaces.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(namespaces));
    capabilities = capabilities == null ? null
        : capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
    if (targetPid <= 0) {
      throw new IllegalArgumentException("exec needs the container's PID, got " + targetPid);
    }
    if (args.isEmpty() || args.get(0).isEmpty()) {
      throw new IllegalArgumentException("no command specified");
    }
    if (uid < 0 || gid < 0 || groups.stream().anyMatch(g -> g < 0)) {
      throw new IllegalArgumentException("uid, gid and groups must not be negative");
    }
    if (stdio == null) {
      stdio = ContainerSpec.Stdio.pipes();
    }
  }

  public static Builder builder(int targetPid, String... args) {
    return new Builder(targetPid, List.of(args));
  }

  /** Root user, all five namespaces, Docker's default capabilities, pipes. */
  public static final class Builder {
    private final int targetPid;
    private final List<String> args;
    private final List<String> env = new ArrayList<>();
    private String cwd;
    private int uid;
    private int gid;
    private final List<Integer> groups = new ArrayList<>();
    private final List<Path> cgroupProcs = new ArrayList<>();
    private Set<Namespace> namespaces = EnumSet.allOf(Namespace.class);
    private Set<Capability> capabilities = Capability.dockerDefaults();
    private ContainerSpec.Stdio stdio = ContainerSpec.Stdio.pipes();

    private Builder(int targetPid, List<String> args) {
      this.targetPid = targetPid;
      this.args = args;
    }

    public Builder env(String entry) { env.add(entry); return this; }
    public Builder env(List<String> entries) { env.addAll(entries); return this; }
    public Builder cwd(String value) { cwd = value; return this; }
    public Builder user(int u, int g) { uid = u; gid = g; return this; }
    public Builder group(int value) { groups.add(value); return this; }
    public Builder cgroupProcs(Path value) { cgroupProcs.add(value); return this; }
    public Builder namespaces(Set<Namespace> value) { namespaces = value; return this; }
    public Builder capabilities(Set<Capability> value) { capabilities = value; return this; }
    public Builder privileged() { capabilities = null; return this; }
    public Builder stdio(ContainerSpec.Stdio value) { stdio = value; return this; }

    public ExecSpec build() {
      return new ExecSpec(targetPid, args, env, cwd, uid, gid, groups, cgroupProcs, namespaces, capabilities, stdio);
    }
  }
}
