package io.jdocker.cli.command;

import java.util.List;

/**
 * The flags {@code run} and {@code create} share (docker's {@code containerOptions}), declared on
 * the command that owns them. {@link CreateBody} turns the parsed values into the create request.
 */
final class ContainerFlags {
  final Flag<List<String>> addHost;
  final Flag<List<String>> attach;
  final Flag<List<String>> capAdd;
  final Flag<List<String>> capDrop;
  final Flag<String> cpuShares;
  final Flag<String> cpus;
  final Flag<String> cpusetCpus;
  final Flag<Boolean> disableContentTrust;
  final Flag<List<String>> dns;
  final Flag<List<String>> dnsOption;
  final Flag<List<String>> dnsSearch;
  final Flag<String> entrypoint;
  final Flag<List<String>> env;
  final Flag<List<String>> envFile;
  final Flag<List<String>> expose;
  final Flag<String> hostname;
  final Flag<Boolean> init;
  final Flag<Boolean> interactive;
  final Flag<List<String>> label;
  final Flag<List<String>> labelFile;
  final Flag<String> logDriver;
  final Flag<List<String>> logOpt;
  final Flag<String> memory;
  final Flag<String> memorySwap;
  final Flag<List<String>> mount;
  final Flag<String> name;
  final Flag<String> network;
  final Flag<String> pidsLimit;
  final Flag<String> platform;
  final Flag<Boolean> privileged;
  final Flag<List<String>> publish;
  final Flag<Boolean> publishAll;
  final Flag<String> pull;
  final Flag<Boolean> quiet;
  final Flag<Boolean> readOnly;
  final Flag<String> restart;
  final Flag<Boolean> rm;
  final Flag<List<String>> securityOpt;
  final Flag<String> shmSize;
  final Flag<String> stopSignal;
  final Flag<String> stopTimeout;
  final Flag<List<String>> tmpfs;
  final Flag<Boolean> tty;
  final Flag<List<String>> ulimit;
  final Flag<String> user;
  final Flag<List<String>> volume;
  final Flag<String> workdir;

  ContainerFlags(ApiCommand c) {
    addHost = c.list("--add-host", "list", "Add a custom host-to-IP mapping (host:ip)");
    attach = c.list("-a,--attach", "list", "Attach to STDIN, STDOUT or STDERR");
    capAdd = c.list("--cap-add", "list", "Add Linux capabilities");
    capDrop = c.list("--cap-drop", "list", "Drop Linux capabilities");
    cpuShares = c.string("-c,--cpu-shares", "int", "CPU shares (relative weight)");
    cpus = c.string("--cpus", "decimal", "Number of CPUs");
    cpusetCpus = c.string("--cpuset-cpus", "string", "CPUs in which to allow execution (0-3, 0,1)");
    // Accepted for docker's scripts: content trust is not supported, every pull is docker's default untrusted one.
    disableContentTrust = c.bool("--disable-content-trust", "Skip image verification (default true)", true);
    dns = c.list("--dns", "list", "Set custom DNS servers");
    dnsOption = c.list("--dns-option", "list", "Set DNS options");
    dnsSearch = c.list("--dns-search", "list", "Set custom DNS search domains");
    entrypoint = c.string("--entrypoint", "string", "Overwrite the default ENTRYPOINT of the image");
    env = c.list("-e,--env", "list", "Set environment variables");
    envFile = c.list("--env-file", "list", "Read in a file of environment variables");
    expose = c.list("--expose", "list", "Expose a port or a range of ports");
    hostname = c.string("-h,--hostname", "string", "Container host name");
    init = c.bool("--init", "Run an init inside the container that forwards signals and reaps processes", false);
    interactive = c.bool("-i,--interactive", "Keep STDIN open even if not attached");
    label = c.list("-l,--label", "list", "Set meta data on a container");
    labelFile = c.list("--label-file", "list", "Read in a line delimited file of labels");
    logDriver = c.string("--log-driver", "string", "Logging driver for the container");
    logOpt = c.list("--log-opt", "list", "Log driver options");
    memory = c.string("-m,--memory", "bytes", "Memory limit");
    memorySwap = c.string("--memory-swap", "bytes", "Swap limit equal to memory plus swap: '-1' to enable unlimited swap");
    mount = c.list("--mount", "mount", "Attach a filesystem mount to the container");
    name = c.string("--name", "string", "Assign a name to the container");
    network = c.string("--network,--net", "network", "Connect a container to a network");
    pidsLimit = c.string("--pids-limit", "int", "Tune container pids limit (set -1 for unlimited)");
    platform = c.string("--platform", "string", "Set platform if server is multi-platform capable");
    privileged = c.bool("--privileged", "Give extended privileges to this container");
    publish = c.list("-p,--publish", "list", "Publish a container's port(s) to the host");
    publishAll = c.bool("-P,--publish-all", "Publish all exposed ports to random ports");
    pull = c.string("--pull", "string", "Pull image before running (\"always\", \"missing\", \"never\") (default \"missing\")");
    quiet = c.bool("-q,--quiet", "Suppress the pull output");
    readOnly = c.bool("--read-only", "Mount the container's root filesystem as read only");
    restart = c.string("--restart", "string", "Restart policy to apply when a container exits (default \"no\")");
    rm = c.bool("--rm", "Automatically remove the container and its associated anonymous volumes when it exits");
    securityOpt = c.list("--security-opt", "list", "Security Options");
    shmSize = c.string("--shm-size", "bytes", "Size of /dev/shm");
    stopSignal = c.string("--stop-signal", "string", "Signal to stop the container");
    stopTimeout = c.string("--stop-timeout", "int", "Timeout (in seconds) to stop a container");
    tmpfs = c.list("--tmpfs", "list", "Mount a tmpfs directory");
    tty = c.bool("-t,--tty", "Allocate a pseudo-TTY");
    ulimit = c.list("--ulimit", "ulimit", "Ulimit options");
    user = c.string("-u,--user", "string", "Username or UID (format: <name|uid>[:<group|gid>])");
    volume = c.list("-v,--volume", "list", "Bind mount a volume");
    workdir = c.string("-w,--workdir", "string", "Working directory inside the container");
  }
}
