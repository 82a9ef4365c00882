/**
 * The container runtime adapter: {@link io.jdocker.daemon.runtime.ContainerRuntime} turns a
 * {@link io.jdocker.daemon.runtime.RuntimeConfig} into a running PID 1 (overlay root, namespaces,
 * cgroup, network files, tmpfs, binds, --init) and cleans everything up when it ends. It knows
 * nothing about HTTP or the container model.
 *
 * <p>What the engine does around it: resolve the process (image Cmd/Entrypoint/Env/User) and the
 * layers ({@link io.jdocker.daemon.runtime.ImageLayers}); persist {@code pid()} with
 * {@code startTime()} and call {@code adopt} after a restart; drain stdout/stderr (a pipe left
 * unread blocks the container); for host networking pass the host's hostname; for a tty pass a pty
 * slave as stdin; call {@code remove} on docker rm.
 */
package io.jdocker.daemon.runtime;
