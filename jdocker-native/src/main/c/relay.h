/*
 * The relay loop of jdocker-init: what must outlive the daemon, as containerd's shim holds it.
 *
 * While the container runs, jdocker-init (its parent, in the host's namespaces) owns:
 *   - the container's terminal master (TTY containers): its output is copied into the stdout FIFO
 *     and the stdin FIFO into it, so the terminal does not hang up when the daemon dies;
 *   - a write end of the stdin FIFO (OpenStdin), so the daemon's death is not the container's EOF;
 *   - the ctl FIFO, where the daemon asks for what it cannot do by itself any more:
 *       "close-stdin\n"    the attached client ended stdin (StdinOnce): drop our write end (and stop
 *                          relaying into the terminal), so the container sees EOF once the daemon
 *                          closed its own;
 *       "resize R C\n"     set the terminal's size (the kernel sends SIGWINCH to its foreground group).
 */
#ifndef JDOCKER_RELAY_H
#define JDOCKER_RELAY_H

#include <sys/types.h>

struct relay_fds {
  int master;   /* terminal master, non-blocking; -1 without a terminal */
  int out;      /* stdout FIFO opened O_RDWR; the terminal's output goes there; -1 without a terminal */
  int in;       /* stdin FIFO opened O_RDWR (never EOF); relayed into the master with a terminal; -1 */
  int ctl;      /* ctl FIFO opened O_RDWR; -1 for none */
  int wakeup;   /* read end of the SIGCHLD self-pipe */
};

/* Installs the SIGCHLD handler writing to a new self-pipe; returns its read end. */
int relay_wakeup_pipe(void);

/* Relays until `child` has exited (its output then drained); returns its wait status. */
int relay_run(struct relay_fds *fds, pid_t child);

#endif
