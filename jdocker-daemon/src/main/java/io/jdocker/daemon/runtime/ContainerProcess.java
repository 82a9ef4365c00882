package io.jdocker.daemon.runtime;

import io.jdocker.linux.errno.SyscallException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/** A container's PID 1: either our child through jdocker-init, or one adopted after a restart. */
interface ContainerProcess {
  int pid();

  long startTime();

  /** Sends {@code signal} to PID 1 if it is still the same process; false if it is gone. */
  boolean signal(int signal) throws SyscallException;

  /** Completes with the exit code (128+N for signal N), or {@link ExitStatus#UNKNOWN_EXIT_CODE}. */
  CompletableFuture<Integer> exit();

  /** Null for an adopted process: its pipes died with the previous daemon. */
  OutputStream stdin();

  InputStream stdout();

  InputStream stderr();
}
