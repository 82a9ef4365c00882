/* The relay loop of jdocker-init; see relay.h. Single-threaded: one poll() over every fd. */
#define _GNU_SOURCE
#include "relay.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CHUNK 4096
/* How long the terminal's output waits for room in a full stdout FIFO before it is dropped. */
#define OUT_STALL_MS 1000
/* How long the output of an exited container may still take to arrive. */
#define DRAIN_MS 2000

static int wakeup_write = -1;

static void on_sigchld(int sig) {
  (void) sig;
  int saved = errno;
  if (write(wakeup_write, "c", 1) < 0) { /* full: a wakeup is pending anyway */ }
  errno = saved;
}

int relay_wakeup_pipe(void) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) < 0) return -1;
  wakeup_write = fds[1];
  struct sigaction sa = { .sa_handler = on_sigchld, .sa_flags = SA_NOCLDSTOP };
  sigemptyset(&sa.sa_mask);
  if (sigaction(SIGCHLD, &sa, NULL) < 0) return -1;
  return fds[0];
}

struct relay {
  struct relay_fds *fds;
  int master_live;           /* 0 once every slave holder closed the terminal (EIO/POLLHUP) */
  int out_stalled;           /* the stdout FIFO stayed full: drop at once until a write fits again */
  char in_buf[CHUNK];        /* stdin read but not yet accepted by the terminal */
  size_t in_off, in_len;
  char ctl_buf[256];
  size_t ctl_len;
};

static long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/*
 * Writes terminal output into the stdout FIFO, which is non-blocking. We hold a read end too
 * (O_RDWR), so there is never EPIPE; when the daemon is down nobody drains it, and once it is full
 * the output is dropped after OUT_STALL_MS (containerd's shim would block instead): a container
 * must never hang on its terminal because the daemon is gone. A live daemon reads continuously,
 * so the short wait only absorbs a momentary backlog.
 */
static void write_out(struct relay *r, const char *buf, size_t len) {
  long deadline = -1;
  while (len > 0) {
    ssize_t n = write(r->fds->out, buf, len);
    if (n > 0) { buf += n; len -= (size_t) n; continue; }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno != EAGAIN) return; /* nothing sensible left to do with this output */
    if (r->out_stalled) return;
    if (deadline < 0) deadline = now_ms() + OUT_STALL_MS;
    long left = deadline - now_ms();
    struct pollfd p = { .fd = r->fds->out, .events = POLLOUT };
    if (left <= 0 || (poll(&p, 1, (int) left) == 0)) { r->out_stalled = 1; return; }
  }
  r->out_stalled = 0;
}

/* Copies what the terminal has; returns 0 once nothing is left to read (drained or hung up). */
static int pump_master(struct relay *r) {
  char buf[CHUNK];
  for (;;) {
    ssize_t n = read(r->fds->master, buf, sizeof buf);
    if (n > 0) { write_out(r, buf, (size_t) n); return 1; }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) return 0;
    r->master_live = 0; /* EIO: no slave holder left */
    return 0;
  }
}

static void close_stdin(struct relay *r) {
  if (r->fds->in >= 0) close(r->fds->in);
  r->fds->in = -1;
  r->in_len = r->in_off = 0;
}

/* Moves pending stdin into the terminal as far as it takes it (the master is non-blocking). */
static void flush_stdin(struct relay *r) {
  while (r->in_off < r->in_len) {
    ssize_t n = write(r->fds->master, r->in_buf + r->in_off, r->in_len - r->in_off);
    if (n > 0) { r->in_off += (size_t) n; continue; }
    if (n < 0 && (errno == EINTR)) continue;
    if (n < 0 && errno == EAGAIN) return;
    r->in_off = r->in_len; /* the terminal is gone: the input has nowhere to go */
  }
  r->in_off = r->in_len = 0;
}

static void read_stdin(struct relay *r) {
  ssize_t n = read(r->fds->in, r->in_buf, sizeof r->in_buf);
  if (n > 0) { r->in_off = 0; r->in_len = (size_t) n; flush_stdin(r); }
  /* never 0: we hold a write end ourselves; EAGAIN/EINTR just wait for the next poll */
}

static void resize(struct relay *r, const char *args) {
  unsigned rows, cols;
  if (r->fds->master < 0 || sscanf(args, "%u %u", &rows, &cols) != 2 || rows > 0xffff || cols > 0xffff) return;
  struct winsize ws = { .ws_row = (unsigned short) rows, .ws_col = (unsigned short) cols };
  ioctl(r->fds->master, TIOCSWINSZ, &ws);
}

static void run_command(struct relay *r, char *line) {
  if (!strcmp(line, "close-stdin")) close_stdin(r);
  else if (!strncmp(line, "resize ", 7)) resize(r, line + 7);
  /* anything else: a newer daemon's command this helper does not know */
}

static void read_ctl(struct relay *r) {
  ssize_t n = read(r->fds->ctl, r->ctl_buf + r->ctl_len, sizeof r->ctl_buf - 1 - r->ctl_len);
  if (n <= 0) return;
  r->ctl_len += (size_t) n;
  char *start = r->ctl_buf, *nl;
  while ((nl = memchr(start, '\n', (size_t) (r->ctl_buf + r->ctl_len - start)))) {
    *nl = '\0';
    run_command(r, start);
    start = nl + 1;
  }
  r->ctl_len = (size_t) (r->ctl_buf + r->ctl_len - start);
  memmove(r->ctl_buf, start, r->ctl_len);
  if (r->ctl_len == sizeof r->ctl_buf - 1) r->ctl_len = 0; /* an overlong line: garbage */
}

static int reaped(pid_t child, int *status) {
  for (;;) {
    pid_t p = waitpid(child, status, WNOHANG);
    if (p == child) return 1;
    if (p < 0 && errno == EINTR) continue;
    if (p < 0 && errno == ECHILD) { *status = 0; return 1; }
    return 0;
  }
}

/*
 * The container is gone, and with its PID namespace everything that held the terminal: what it
 * wrote last may still be on its way to the master (the kernel pushes it from a work queue), so
 * read until the terminal reports the hang-up (EIO), bounded in case a stray holder keeps it open.
 */
static void drain_master(struct relay *r) {
  long deadline = now_ms() + DRAIN_MS;
  while (r->master_live) {
    long left = deadline - now_ms();
    struct pollfd p = { .fd = r->fds->master, .events = POLLIN };
    if (left <= 0 || poll(&p, 1, (int) left) == 0) return;
    if (!pump_master(r) && r->master_live && !(p.revents & POLLIN)) return;
  }
}

enum { P_WAKEUP, P_CTL, P_MASTER, P_IN, P_COUNT };

int relay_run(struct relay_fds *fds, pid_t child) {
  static struct relay r;
  r.fds = fds;
  r.master_live = fds->master >= 0;
  int status = 0;
  while (!reaped(child, &status)) {
    struct pollfd p[P_COUNT];
    p[P_WAKEUP] = (struct pollfd) { .fd = fds->wakeup, .events = POLLIN };
    p[P_CTL] = (struct pollfd) { .fd = fds->ctl, .events = POLLIN };
    short master_events = r.in_len > r.in_off ? POLLIN | POLLOUT : POLLIN;
    p[P_MASTER] = (struct pollfd) { .fd = r.master_live ? fds->master : -1, .events = master_events };
    /* stdin into the terminal waits while the terminal has not taken the last chunk */
    int want_in = r.master_live && r.in_len == r.in_off;
    p[P_IN] = (struct pollfd) { .fd = want_in ? fds->in : -1, .events = POLLIN };
    if (poll(p, P_COUNT, -1) < 0) {
      if (errno == EINTR) continue;
      perror("jdocker-init: poll");
      break;
    }
    if (p[P_WAKEUP].revents) { char drain[64]; while (read(fds->wakeup, drain, sizeof drain) > 0) {} }
    if (p[P_CTL].revents & POLLIN) read_ctl(&r);
    if (p[P_MASTER].revents & POLLOUT) flush_stdin(&r);
    if (p[P_MASTER].revents & POLLIN) pump_master(&r);
    else if (p[P_MASTER].revents & (POLLHUP | POLLERR)) r.master_live = 0;
    if (p[P_IN].revents & POLLIN) read_stdin(&r);
  }
  drain_master(&r);
  return status;
}
