/*
 * jdocker-init: starts one container process in new namespaces, like runc's nsexec.
 *
 * A JVM is always multithreaded, so it can neither fork() nor unshare a PID namespace
 * (see DESIGN.md). The daemon starts this small single-threaded static helper with
 * ProcessBuilder instead; the helper's stdin/stdout/stderr become the container's.
 *
 * Usage: jdocker-init CONTROL_SOCKET          start a container (run mode)
 *        jdocker-init --enter CONTROL_SOCKET  start a process in a running container (exec mode)
 *
 * Protocol over the Unix stream socket CONTROL_SOCKET (the daemon listens, we connect):
 *   daemon -> helper  u32 length (big endian), then the spec: a sequence of NUL-terminated
 *                     strings "key\0value\0" ending with an empty key. Keys (repeatable ones *):
 *                       ns        pid|mount|uts|ipc|net *
 *                       rootfs    mount target for the root (overlay) or the root dir itself
 *                       lower *   overlay lowerdirs, top first; with upper and work
 *                       upper, work
 *                       mount *   three values: source, destination in container, "ro"|"rw"
 *                       mask *    container path hidden (/dev/null over files, ro tmpfs over dirs)
 *                       readonly * container path made read-only
 *                       readonly_root  "1": the root itself is read-only
 *                       caps      comma-separated capability numbers to keep; absent = keep all
 *                       tty       "1": stdin is a terminal; it becomes the controlling one
 *                       hostname, cwd, uid, gid, group *, arg *, env *
 *                       stdout, stderr  a path (a FIFO the daemon reads) opened O_RDWR before the
 *                                 clone and made fd 1 / fd 2 of helper and container: holding a
 *                                 read end too, the container never gets SIGPIPE while the daemon
 *                                 is down (writes just wait once the pipe buffer is full)
 *                       exit_file where the helper writes the exit status ("<code>\n", via a
 *                                 rename) after reaping the container, so a restarted daemon that
 *                                 is no longer the helper's parent still learns the exit code
 *                       console   a terminal (pty slave) path, opened by the helper from the host's
 *                                 view before any namespace change and made fd 0, 1 and 2; implies
 *                                 tty (setsid + TIOCSCTTY in the container process). Excludes
 *                                 stdout/stderr.
 *                       terminal  a devpts mount (host path) where the helper allocates the
 *                                 container's terminal itself: the slave becomes fd 0-2 (implies tty),
 *                                 the helper keeps the master and relays it into the stdout FIFO
 *                                 (relay.h). Needs stdout; excludes stderr and console.
 *                       winsize   "ROWS COLS": the terminal's initial size
 *                       stdin     a FIFO the helper keeps a write end of (O_RDWR), so the daemon's
 *                                 death is not EOF; it is fd 0 of the container, or relayed into the
 *                                 terminal
 *                       ctl       a FIFO of commands from the daemon (relay.h)
 *                     exec mode (--enter) only; rootfs, mounts, masks and hostname are refused:
 *                       target    host PID of the container's PID 1, whose namespaces (the ns keys)
 *                                 the process joins: /proc/PID/ns/X are all opened first
 *                       cgroup *  a cgroup.procs file the process writes itself into before exec
 *                                 (opened from the host's view, before entering the mount ns)
 *                       cwd is not created in exec mode: a missing one fails, as with runc
 *   helper -> daemon  "pid <host pid of the container's PID 1>\n"
 *   daemon -> helper  one byte 'g': go-ahead (cgroups and network are ready)
 *   helper -> daemon  on failure before exec: "error <exit code> <message>\n" (the message also
 *                     goes to stderr); on a successful exec the socket just closes (CLOEXEC).
 *
 * Exec mode joins the pid namespace, forks (only children enter a pid namespace), and the child
 * joins the cgroups and the other namespaces; "pid" then reports that child, and the rest of the
 * protocol is the same.
 *
 * The helper stays the container's parent, reaps it and exits with its status:
 * the exit code, or 128+signo if it was killed (137 for SIGKILL), as Docker reports.
 * Failures before exec exit with Docker's codes: 127 command not found, 126 not executable,
 * 128 any other setup failure.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/capability.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "relay.h"

#define MAX_SPEC (1 << 20)
#define MAX_LIST 1024
#define EXIT_SETUP 128
#define EXIT_NOT_EXECUTABLE 126
#define EXIT_NOT_FOUND 127
#define DEFAULT_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

struct bind { const char *source, *destination; int readonly, tree_fd, is_dir; };

struct spec {
  int clone_flags;
  const char *rootfs, *upper, *work, *hostname, *cwd, *stdout_path, *stderr_path, *exit_file;
  const char *console, *terminal, *stdin_path, *ctl_path;
  unsigned short rows, cols;
  pid_t target;
  const char *cgroups[MAX_LIST]; int ncgroups;
  uid_t uid; gid_t gid;
  const char *lowers[MAX_LIST]; int nlowers;
  gid_t groups[MAX_LIST]; int ngroups;
  char *args[MAX_LIST + 1]; int nargs;
  char *env[MAX_LIST + 1]; int nenv;
  struct bind binds[MAX_LIST]; int nbinds;
  const char *masked[MAX_LIST]; int nmasked;
  const char *readonly[MAX_LIST]; int nreadonly;
  int readonly_root, tty, limit_caps;
  uint64_t caps;
};

static int control_fd = -1;
static pid_t container_pid = -1;

static void send_all(const char *buf, size_t len) {
  while (len > 0 && control_fd >= 0) {
    ssize_t n = send(control_fd, buf, len, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    buf += n; len -= (size_t) n;
  }
}

/* Reports a failure to the daemon and on stderr, then exits with the given code. */
static void __attribute__((noreturn, format(printf, 2, 3))) fail(int code, const char *fmt, ...) {
  char msg[4096], line[4200];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  for (char *p = msg; *p; p++) if (*p == '\n') *p = ' ';
  int n = snprintf(line, sizeof line, "error %d %s\n", code, msg);
  send_all(line, (size_t) n);
  dprintf(STDERR_FILENO, "%s\n", msg);
  _exit(code);
}

static const char *errname(int err) {
  const char *name = strerrorname_np(err);
  return name ? name : "EUNKNOWN";
}

#define SYSFAIL(call, path) fail(EXIT_SETUP, "%s(%s): %s (%s)", call, path, errname(errno), strerror(errno))

static const char *next_string(char **cursor, char *end) {
  char *start = *cursor;
  char *nul = memchr(start, '\0', (size_t) (end - start));
  if (!nul) fail(EXIT_SETUP, "jdocker-init: truncated spec");
  *cursor = nul + 1;
  return start;
}

static long parse_id(const char *value) {
  char *end;
  errno = 0;
  long id = strtol(value, &end, 10);
  if (errno || *end || end == value || id < 0 || id > 0xfffffffeL) fail(EXIT_SETUP, "jdocker-init: bad id %s", value);
  return id;
}

static int namespace_flag(const char *name) {
  if (!strcmp(name, "pid")) return CLONE_NEWPID;
  if (!strcmp(name, "mount")) return CLONE_NEWNS;
  if (!strcmp(name, "uts")) return CLONE_NEWUTS;
  if (!strcmp(name, "ipc")) return CLONE_NEWIPC;
  if (!strcmp(name, "net")) return CLONE_NEWNET;
  fail(EXIT_SETUP, "jdocker-init: unknown namespace %s", name);
}

static uint64_t parse_caps(const char *value) {
  uint64_t caps = 0;
  for (const char *p = value; *p; ) {
    char *end;
    errno = 0;
    long cap = strtol(p, &end, 10);
    if (errno || end == p || cap < 0 || cap > 63 || (*end && *end != ',')) fail(EXIT_SETUP, "jdocker-init: bad caps %s", value);
    caps |= UINT64_C(1) << cap;
    p = *end ? end + 1 : end;
  }
  return caps;
}

static void parse_winsize(const char *value, struct spec *s) {
  unsigned rows, cols;
  char extra;
  if (sscanf(value, "%u %u%c", &rows, &cols, &extra) != 2 || rows > 0xffff || cols > 0xffff)
    fail(EXIT_SETUP, "jdocker-init: bad winsize %s", value);
  s->rows = (unsigned short) rows;
  s->cols = (unsigned short) cols;
}

static void check_room(int count, const char *key) {
  if (count >= MAX_LIST) fail(EXIT_SETUP, "jdocker-init: too many %s entries", key);
}

static void parse_spec(char *buf, size_t len, struct spec *s) {
  char *cursor = buf, *end = buf + len;
  for (;;) {
    const char *key = next_string(&cursor, end);
    if (!*key) break;
    if (!strcmp(key, "mount")) {
      check_room(s->nbinds, key);
      struct bind *b = &s->binds[s->nbinds++];
      b->source = next_string(&cursor, end);
      b->destination = next_string(&cursor, end);
      b->readonly = !strcmp(next_string(&cursor, end), "ro");
      continue;
    }
    const char *value = next_string(&cursor, end);
    if (!strcmp(key, "ns")) s->clone_flags |= namespace_flag(value);
    else if (!strcmp(key, "rootfs")) s->rootfs = value;
    else if (!strcmp(key, "upper")) s->upper = value;
    else if (!strcmp(key, "work")) s->work = value;
    else if (!strcmp(key, "hostname")) s->hostname = value;
    else if (!strcmp(key, "cwd")) s->cwd = value;
    else if (!strcmp(key, "stdout")) s->stdout_path = value;
    else if (!strcmp(key, "stderr")) s->stderr_path = value;
    else if (!strcmp(key, "exit_file")) s->exit_file = value;
    else if (!strcmp(key, "console")) { s->console = value; s->tty = 1; }
    else if (!strcmp(key, "terminal")) { s->terminal = value; s->tty = 1; }
    else if (!strcmp(key, "winsize")) parse_winsize(value, s);
    else if (!strcmp(key, "stdin")) s->stdin_path = value;
    else if (!strcmp(key, "ctl")) s->ctl_path = value;
    else if (!strcmp(key, "target")) s->target = (pid_t) parse_id(value);
    else if (!strcmp(key, "cgroup")) { check_room(s->ncgroups, key); s->cgroups[s->ncgroups++] = value; }
    else if (!strcmp(key, "uid")) s->uid = (uid_t) parse_id(value);
    else if (!strcmp(key, "gid")) s->gid = (gid_t) parse_id(value);
    else if (!strcmp(key, "readonly_root")) s->readonly_root = !strcmp(value, "1");
    else if (!strcmp(key, "tty")) s->tty = !strcmp(value, "1");
    else if (!strcmp(key, "caps")) { s->limit_caps = 1; s->caps = parse_caps(value); }
    else if (!strcmp(key, "mask")) { check_room(s->nmasked, key); s->masked[s->nmasked++] = value; }
    else if (!strcmp(key, "readonly")) { check_room(s->nreadonly, key); s->readonly[s->nreadonly++] = value; }
    else if (!strcmp(key, "lower")) { check_room(s->nlowers, key); s->lowers[s->nlowers++] = value; }
    else if (!strcmp(key, "group")) { check_room(s->ngroups, key); s->groups[s->ngroups++] = (gid_t) parse_id(value); }
    else if (!strcmp(key, "arg")) { check_room(s->nargs, key); s->args[s->nargs++] = (char *) value; }
    else if (!strcmp(key, "env")) { check_room(s->nenv, key); s->env[s->nenv++] = (char *) value; }
    else fail(EXIT_SETUP, "jdocker-init: unknown spec key %s", key);
  }
  if (s->nargs == 0) fail(EXIT_SETUP, "jdocker-init: no command specified");
  if (s->rootfs && !(s->clone_flags & CLONE_NEWNS)) fail(EXIT_SETUP, "jdocker-init: a rootfs needs a mount namespace");
  if (s->console && (s->stdout_path || s->stderr_path)) fail(EXIT_SETUP, "jdocker-init: console excludes stdout and stderr");
  if (s->terminal && (!s->stdout_path || s->stderr_path || s->console))
    fail(EXIT_SETUP, "jdocker-init: terminal needs stdout and excludes stderr and console");
}

/* Exec mode joins what exists: anything that would build a container is a caller's mistake. */
static void check_enter_spec(const struct spec *s) {
  if (s->target <= 0) fail(EXIT_SETUP, "jdocker-init: exec mode needs a target pid");
  if (s->rootfs || s->nbinds || s->nmasked || s->nreadonly || s->readonly_root || s->hostname)
    fail(EXIT_SETUP, "jdocker-init: rootfs, mounts, masks and hostname are not allowed in exec mode");
}

static void read_exact(int fd, void *buf, size_t len) {
  char *p = buf;
  while (len > 0) {
    ssize_t n = read(fd, p, len);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) SYSFAIL("read", "control socket");
    if (n == 0) fail(EXIT_SETUP, "jdocker-init: control socket closed early");
    p += n; len -= (size_t) n;
  }
}

static void connect_control(const char *path) {
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  if (strlen(path) >= sizeof addr.sun_path) fail(EXIT_SETUP, "jdocker-init: socket path too long: %s", path);
  strcpy(addr.sun_path, path);
  control_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (control_fd < 0) SYSFAIL("socket", path);
  if (connect(control_fd, (struct sockaddr *) &addr, sizeof addr) < 0) {
    int err = errno;
    close(control_fd);
    control_fd = -1;
    errno = err;
    SYSFAIL("connect", path);
  }
}

/* ---- filesystem setup, inside the container's mount namespace ---- */

static char *join(const char *root, const char *path) {
  static char bufs[4][4096];
  static int next;
  char *buf = bufs[next++ % 4];
  if ((size_t) snprintf(buf, sizeof bufs[0], "%s/%s", root, path[0] == '/' ? path + 1 : path) >= sizeof bufs[0])
    fail(EXIT_SETUP, "jdocker-init: path too long: %s", path);
  return buf;
}

static void reject_dotdot(const char *path) {
  for (const char *p = path; (p = strstr(p, "..")); p += 2)
    if ((p == path || p[-1] == '/') && (p[2] == '\0' || p[2] == '/')) fail(EXIT_SETUP, "jdocker-init: path escapes the root: %s", path);
}

static void mkdirs_depth(const char *path, mode_t mode, int depth);

/* A dangling symlink on the way (an image's "/data -> /srv/data") gets its target created, as
 * runc's MkdirAll on a securejoin'ed path does. */
static void create_symlink_target(const char *link, mode_t mode, int depth) {
  char target[4096], resolved[4096];
  ssize_t n = readlink(link, target, sizeof target - 1);
  if (n < 0) SYSFAIL("readlink", link);
  target[n] = '\0';
  if (target[0] == '/') {
    snprintf(resolved, sizeof resolved, "%s", target);
  } else {
    const char *slash = strrchr(link, '/');
    int dirlen = slash ? (int) (slash - link) : 0;
    if (snprintf(resolved, sizeof resolved, "%.*s/%s", dirlen, link, target) >= (int) sizeof resolved)
      fail(EXIT_SETUP, "jdocker-init: path too long: %s", target);
  }
  mkdirs_depth(resolved, mode, depth + 1);
}

static void mkdirs_depth(const char *path, mode_t mode, int depth) {
  if (depth > 40) fail(EXIT_SETUP, "mkdir(%s): ELOOP (Too many levels of symbolic links)", path);
  char buf[4096];
  if (snprintf(buf, sizeof buf, "%s", path) >= (int) sizeof buf) fail(EXIT_SETUP, "jdocker-init: path too long: %s", path);
  for (char *p = buf + 1; ; p++) {
    if (*p == '/' || *p == '\0') {
      char saved = *p;
      *p = '\0';
      if (mkdir(buf, mode) < 0) {
        struct stat st;
        if (errno != EEXIST) SYSFAIL("mkdir", buf);
        if (stat(buf, &st) < 0 && errno == ENOENT) create_symlink_target(buf, mode, depth);
      }
      *p = saved;
      if (saved == '\0') return;
    }
  }
}

static void mkdirs(const char *path, mode_t mode) {
  mkdirs_depth(path, mode, 0);
}

static void do_mount(const char *source, const char *target, const char *type, unsigned long flags, const char *data) {
  if (mount(source, target, type, flags, data) < 0) SYSFAIL("mount", target);
}

static void mount_at(const char *root, const char *where, const char *type, unsigned long flags, const char *data) {
  char *target = join(root, where);
  mkdirs(target, 0755);
  do_mount(type, target, type, flags, data);
}

static void mount_root(const struct spec *s) {
  if (s->nlowers == 0) {
    do_mount(s->rootfs, s->rootfs, NULL, MS_BIND | MS_REC, NULL);
    return;
  }
  if (!s->upper || !s->work) fail(EXIT_SETUP, "jdocker-init: overlay needs upper and work dirs");
  static char options[65536];
  size_t used = (size_t) snprintf(options, sizeof options, "lowerdir=");
  for (int i = 0; i < s->nlowers; i++) {
    used += (size_t) snprintf(options + used, sizeof options - used, "%s%s", i ? ":" : "", s->lowers[i]);
    if (used >= sizeof options) fail(EXIT_SETUP, "jdocker-init: too many overlay layers");
  }
  used += (size_t) snprintf(options + used, sizeof options - used, ",upperdir=%s,workdir=%s", s->upper, s->work);
  if (used >= sizeof options) fail(EXIT_SETUP, "jdocker-init: overlay options too long");
  mkdirs(s->rootfs, 0755);
  do_mount("overlay", s->rootfs, "overlay", 0, options);
}

static void make_device(const char *dev, const char *name, unsigned major, unsigned minor) {
  char *target = join(dev, name);
  if (mknod(target, S_IFCHR | 0666, makedev(major, minor)) == 0) {
    chmod(target, 0666); /* mknod applies the umask */
    return;
  }
  /* Without CAP_MKNOD (e.g. in a user namespace) bind the host's node, as runc does. */
  int fd = open(target, O_CREAT | O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0) SYSFAIL("open", target);
  close(fd);
  do_mount(join("/dev", name), target, NULL, MS_BIND, NULL);
}

static void make_symlink(const char *to, const char *at) {
  if (symlink(to, at) < 0 && errno != EEXIST) SYSFAIL("symlink", at);
}

static void mount_dev(const char *root) {
  mount_at(root, "/dev", "tmpfs", MS_NOSUID | MS_STRICTATIME, "mode=755,size=65536k");
  char dev[4096];
  snprintf(dev, sizeof dev, "%s", join(root, "/dev"));
  make_device(dev, "null", 1, 3);
  make_device(dev, "zero", 1, 5);
  make_device(dev, "full", 1, 7);
  make_device(dev, "random", 1, 8);
  make_device(dev, "urandom", 1, 9);
  make_device(dev, "tty", 5, 0);
  mount_at(dev, "pts", "devpts", MS_NOSUID | MS_NOEXEC, "newinstance,ptmxmode=0666,mode=0620,gid=5");
  make_symlink("pts/ptmx", join(dev, "ptmx"));
  mount_at(dev, "shm", "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=1777,size=65536k");
  mount_at(dev, "mqueue", "mqueue", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
  make_symlink("/proc/self/fd", join(dev, "fd"));
  make_symlink("/proc/self/fd/0", join(dev, "stdin"));
  make_symlink("/proc/self/fd/1", join(dev, "stdout"));
  make_symlink("/proc/self/fd/2", join(dev, "stderr"));
}

#ifndef OPEN_TREE_CLONE
#define OPEN_TREE_CLONE 1
#endif
#ifndef MOVE_MOUNT_F_EMPTY_PATH
#define MOVE_MOUNT_F_EMPTY_PATH 0x00000004
#endif

/* Before pivot_root: a detached copy of the source tree, held by an fd (open_tree, Linux 5.2). */
static void clone_bind_source(struct bind *b) {
  reject_dotdot(b->destination);
  struct stat st;
  if (stat(b->source, &st) < 0) SYSFAIL("stat", b->source);
  b->is_dir = S_ISDIR(st.st_mode);
  b->tree_fd = (int) syscall(SYS_open_tree, AT_FDCWD, b->source, OPEN_TREE_CLONE | AT_RECURSIVE | O_CLOEXEC);
  if (b->tree_fd < 0) SYSFAIL("open_tree", b->source);
}

static void create_mount_point(const char *target, int is_dir) {
  if (is_dir) {
    mkdirs(target, 0755);
    return;
  }
  char parent[4096];
  snprintf(parent, sizeof parent, "%s", target);
  char *slash = strrchr(parent, '/');
  if (slash && slash != parent) { *slash = '\0'; mkdirs(parent, 0755); }
  int fd = open(target, O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0) SYSFAIL("open", target);
  close(fd);
}

/* After pivot_root, so the destination resolves inside the container's root, its symlinks
 * included: an image cannot point a mount at the host (the runc CVE-2021-30465 family). */
static void attach_bind(const struct bind *b) {
  create_mount_point(b->destination, b->is_dir);
  if (syscall(SYS_move_mount, b->tree_fd, "", AT_FDCWD, b->destination, MOVE_MOUNT_F_EMPTY_PATH) < 0)
    SYSFAIL("move_mount", b->destination);
  close(b->tree_fd);
  if (b->readonly) do_mount(NULL, b->destination, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL);
}

/* Paths that may be missing on this kernel are skipped, as runc does. */
static void mask_path(const char *path) {
  struct stat st;
  if (stat(path, &st) < 0) {
    if (errno == ENOENT) return;
    SYSFAIL("stat", path);
  }
  if (S_ISDIR(st.st_mode)) do_mount("tmpfs", path, "tmpfs", MS_RDONLY, NULL);
  else do_mount("/dev/null", path, NULL, MS_BIND, NULL);
}

static void readonly_path(const char *path) {
  if (mount(path, path, NULL, MS_BIND | MS_REC, NULL) < 0) {
    if (errno == ENOENT) return;
    SYSFAIL("mount", path);
  }
  do_mount(NULL, path, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_REC, NULL);
}

static void setup_root(struct spec *s) {
  do_mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
  mount_root(s);
  const char *root = s->rootfs;
  mount_at(root, "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
  mount_at(root, "/sys", "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_RDONLY, NULL);
  mount_dev(root);
  for (int i = 0; i < s->nbinds; i++) clone_bind_source(&s->binds[i]);
  /* pivot_root(".", ".") stacks the old root under the new one; detaching it leaves only ours. */
  if (chdir(root) < 0) SYSFAIL("chdir", root);
  if (syscall(SYS_pivot_root, ".", ".") < 0) SYSFAIL("pivot_root", root);
  if (umount2(".", MNT_DETACH) < 0) SYSFAIL("umount2", "old root");
  if (chdir("/") < 0) SYSFAIL("chdir", "/");
  for (int i = 0; i < s->nbinds; i++) attach_bind(&s->binds[i]);
  for (int i = 0; i < s->nmasked; i++) mask_path(s->masked[i]);
  for (int i = 0; i < s->nreadonly; i++) readonly_path(s->readonly[i]);
  if (s->readonly_root) do_mount(NULL, "/", NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL);
}

/* ---- exec ---- */

static const char *env_path(const struct spec *s) {
  for (int i = 0; i < s->nenv; i++)
    if (!strncmp(s->env[i], "PATH=", 5)) return s->env[i] + 5;
  return DEFAULT_PATH;
}

static void check_executable(const char *cmd, const char *path) {
  struct stat st;
  if (stat(path, &st) < 0) {
    if (errno == ENOENT || errno == ENOTDIR)
      fail(EXIT_NOT_FOUND, "exec: \"%s\": stat %s: no such file or directory", cmd, path);
    fail(EXIT_NOT_EXECUTABLE, "exec: \"%s\": stat %s: %s", cmd, path, strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) fail(EXIT_NOT_EXECUTABLE, "exec: \"%s\": is a directory", cmd);
  if (access(path, X_OK) < 0) fail(EXIT_NOT_EXECUTABLE, "exec: \"%s\": permission denied", cmd);
}

/* Like Go's exec.LookPath, which is where Docker's messages come from. */
static const char *look_path(const struct spec *s, const char *cmd) {
  if (strchr(cmd, '/')) { check_executable(cmd, cmd); return cmd; }
  static char candidate[4096];
  const char *dirs = env_path(s);
  while (*dirs) {
    const char *colon = strchrnul(dirs, ':');
    int len = (int) (colon - dirs);
    snprintf(candidate, sizeof candidate, "%.*s/%s", len, len ? dirs : ".", cmd);
    struct stat st;
    if (stat(candidate, &st) == 0 && !S_ISDIR(st.st_mode) && access(candidate, X_OK) == 0) return candidate;
    dirs = *colon ? colon + 1 : colon;
  }
  fail(EXIT_NOT_FOUND, "exec: \"%s\": executable file not found in $PATH", cmd);
}

/* Dropping from the bounding set first keeps CAP_SETUID/SETGID usable until we switch users. */
static void drop_bounding_caps(uint64_t keep) {
  for (int cap = 0; cap <= 63; cap++) {
    if (keep & (UINT64_C(1) << cap)) continue;
    if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0) {
      if (errno == EINVAL) break; /* past the kernel's last capability */
      SYSFAIL("prctl", "PR_CAPBSET_DROP");
    }
  }
}

/* For a root user exec gives permitted = inheritable | bounding, so both must hold only `keep`. A
 * non-root user lost every capability at setuid, as with Docker. */
static void set_caps(uint64_t keep) {
  struct __user_cap_header_struct header = { .version = _LINUX_CAPABILITY_VERSION_3 };
  struct __user_cap_data_struct data[2];
  if (syscall(SYS_capget, &header, data) < 0) SYSFAIL("capget", "self");
  for (int i = 0; i < 2; i++) {
    uint32_t word = (uint32_t) (keep >> (32 * i));
    data[i].effective &= word;
    data[i].permitted &= word;
    data[i].inheritable = data[i].permitted;
  }
  if (syscall(SYS_capset, &header, data) < 0) SYSFAIL("capset", "self");
}

static void wait_for_go_ahead(void) {
  char go;
  read_exact(control_fd, &go, 1);
  if (go != 'g') fail(EXIT_SETUP, "jdocker-init: unexpected go-ahead byte");
}

/* Both modes end here: terminal, credentials, capabilities, working directory, exec. */
static void __attribute__((noreturn)) start_command(struct spec *s, int create_cwd) {
  if (s->tty) {
    if (setsid() < 0) SYSFAIL("setsid", "tty");
    if (ioctl(STDIN_FILENO, TIOCSCTTY, 0) < 0) SYSFAIL("ioctl", "TIOCSCTTY");
  }
  if (s->limit_caps) drop_bounding_caps(s->caps);
  if (setgroups((size_t) s->ngroups, s->groups) < 0) SYSFAIL("setgroups", "groups");
  if (setresgid(s->gid, s->gid, s->gid) < 0) SYSFAIL("setgid", "gid");
  if (s->cwd && create_cwd) {
    reject_dotdot(s->cwd);
    mkdirs(s->cwd, 0755);
  }
  if (setresuid(s->uid, s->uid, s->uid) < 0) SYSFAIL("setuid", "uid");
  if (s->limit_caps) set_caps(s->caps);
  if (s->cwd && chdir(s->cwd) < 0) {
    if (create_cwd) SYSFAIL("chdir", s->cwd);
    char reason[128]; /* Go's (runc's) error texts are strerror in lower case */
    snprintf(reason, sizeof reason, "%s", strerror(errno));
    reason[0] = (char) tolower((unsigned char) reason[0]);
    fail(EXIT_SETUP, "chdir to cwd (\"%s\") set in config.json failed: %s", s->cwd, reason);
  }
  const char *path = look_path(s, s->args[0]);
  signal(SIGPIPE, SIG_DFL);
  execve(path, s->args, s->env);
  if (errno == ENOENT) fail(EXIT_NOT_FOUND, "exec: \"%s\": stat %s: no such file or directory", s->args[0], path);
  if (errno == EACCES) fail(EXIT_NOT_EXECUTABLE, "exec: \"%s\": permission denied", s->args[0]);
  fail(EXIT_NOT_EXECUTABLE, "exec %s: %s", s->args[0], strerror(errno));
}

/* When the console's devpts instance is the container's /dev/pts (ContainerConsole), reopen it by
 * its inside name, so /proc/self/fd/0 reads /dev/pts/N rather than a path in the host's mounts. */
static void reopen_console_inside(void) {
  struct stat outside, inside;
  char path[64];
  if (fstat(STDIN_FILENO, &outside) < 0 || !S_ISCHR(outside.st_mode)) return;
  unsigned index = minor(outside.st_rdev) + (major(outside.st_rdev) - 136) * 256; /* UNIX98_PTY_SLAVE_MAJOR */
  snprintf(path, sizeof path, "/dev/pts/%u", index);
  if (stat(path, &inside) < 0 || inside.st_rdev != outside.st_rdev || inside.st_dev != outside.st_dev) return;
  int fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) SYSFAIL("open", path);
  for (int target = 0; target <= 2; target++)
    if (dup2(fd, target) < 0) SYSFAIL("dup2", path);
  close(fd);
}

static int container_main(void *arg) {
  struct spec *s = arg;
  wait_for_go_ahead();
  if (s->rootfs) setup_root(s);
  if (s->console || s->terminal) reopen_console_inside();
  if (s->hostname && (s->clone_flags & CLONE_NEWUTS) && sethostname(s->hostname, strlen(s->hostname)) < 0)
    SYSFAIL("sethostname", s->hostname);
  start_command(s, 1);
}

/* ---- exec mode: join a running container ---- */

/* The order runc's nsexec uses; the mount namespace last, as paths resolve inside it afterwards. */
static const struct { int flag; const char *name; } JOIN_ORDER[] = {
  { CLONE_NEWIPC, "ipc" }, { CLONE_NEWUTS, "uts" }, { CLONE_NEWNET, "net" },
  { CLONE_NEWPID, "pid" }, { CLONE_NEWNS, "mnt" },
};
#define NJOIN (int) (sizeof JOIN_ORDER / sizeof *JOIN_ORDER)

struct joined { int ns_fds[NJOIN]; char ns_paths[NJOIN][64]; int cgroup_fds[MAX_LIST]; };

/* Everything is opened from the host's view first: after setns(mnt), /proc and /sys are the container's. */
static void open_targets(const struct spec *s, struct joined *j) {
  for (int i = 0; i < NJOIN; i++) {
    j->ns_fds[i] = -1;
    if (!(s->clone_flags & JOIN_ORDER[i].flag)) continue;
    snprintf(j->ns_paths[i], sizeof j->ns_paths[i], "/proc/%d/ns/%s", (int) s->target, JOIN_ORDER[i].name);
    j->ns_fds[i] = open(j->ns_paths[i], O_RDONLY | O_CLOEXEC);
    if (j->ns_fds[i] < 0) SYSFAIL("open", j->ns_paths[i]);
  }
  for (int i = 0; i < s->ncgroups; i++) {
    j->cgroup_fds[i] = open(s->cgroups[i], O_WRONLY | O_CLOEXEC);
    if (j->cgroup_fds[i] < 0) SYSFAIL("open", s->cgroups[i]);
  }
}

static void join_namespace(struct joined *j, int i) {
  if (j->ns_fds[i] < 0) return;
  if (setns(j->ns_fds[i], JOIN_ORDER[i].flag) < 0) SYSFAIL("setns", j->ns_paths[i]);
  close(j->ns_fds[i]);
  j->ns_fds[i] = -1;
}

static void __attribute__((noreturn)) enter_child(struct spec *s, struct joined *j) {
  wait_for_go_ahead();
  /* "0" is the writer itself: our own PID would be the container's number, not the host's. */
  for (int i = 0; i < s->ncgroups; i++) {
    if (write(j->cgroup_fds[i], "0", 1) != 1) SYSFAIL("write", s->cgroups[i]);
    close(j->cgroup_fds[i]);
  }
  for (int i = 0; i < NJOIN; i++) join_namespace(j, i);
  /* setns(mnt) put root and cwd at the namespace's root; relative cwds start from "/" too. */
  if ((s->clone_flags & CLONE_NEWNS) && chdir("/") < 0) SYSFAIL("chdir", "/");
  start_command(s, 0);
}

static pid_t enter(struct spec *s) {
  static struct joined j;
  check_enter_spec(s);
  open_targets(s, &j);
  for (int i = 0; i < NJOIN; i++)
    if (JOIN_ORDER[i].flag == CLONE_NEWPID) join_namespace(&j, i);
  pid_t pid = fork();
  if (pid < 0) SYSFAIL("fork", "exec");
  if (pid == 0) enter_child(s, &j);
  for (int i = 0; i < NJOIN; i++) if (j.ns_fds[i] >= 0) close(j.ns_fds[i]);
  for (int i = 0; i < s->ncgroups; i++) close(j.cgroup_fds[i]);
  return pid;
}

/* Makes the terminal `path` fd 0, 1 and 2; without O_NOCTTY it could become the helper's own. */
static void open_console(const char *path) {
  int fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) SYSFAIL("open", path);
  if (!isatty(fd)) fail(EXIT_SETUP, "jdocker-init: console %s is not a terminal", path);
  for (int target = 0; target <= 2; target++)
    if (dup2(fd, target) < 0) SYSFAIL("dup2", path);
  close(fd);
}

/* Makes `path` (normally a FIFO) the given standard fd, keeping a read end open too (O_RDWR). */
static void redirect_to(const char *path, int target) {
  int fd = open(path, O_RDWR | O_CLOEXEC);
  if (fd < 0) SYSFAIL("open", path);
#ifdef F_SETPIPE_SZ
  (void) fcntl(fd, F_SETPIPE_SZ, 1 << 20); /* more room while the daemon is away; best effort */
#endif
  if (dup2(fd, target) < 0) SYSFAIL("dup2", path);
  close(fd);
}

static int open_fifo(const char *path, int flags) {
  int fd = open(path, flags | O_CLOEXEC);
  if (fd < 0) SYSFAIL("open", path);
  return fd;
}

/*
 * Allocates the container's terminal in the devpts instance mounted at `dir` (the daemon also
 * mounts it as the container's /dev/pts, so the slave is /dev/pts/N inside) and makes the slave
 * fd 0, 1 and 2; returns the master, which only this helper holds.
 */
static int open_terminal(const struct spec *s) {
  char path[4096];
  if ((size_t) snprintf(path, sizeof path, "%s/ptmx", s->terminal) >= sizeof path) fail(EXIT_SETUP, "jdocker-init: path too long");
  int master = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
  if (master < 0) SYSFAIL("open", path);
  int unlock = 0;
  if (ioctl(master, TIOCSPTLCK, &unlock) < 0) SYSFAIL("ioctl", "TIOCSPTLCK");
  if (s->rows && s->cols) {
    struct winsize ws = { .ws_row = s->rows, .ws_col = s->cols };
    if (ioctl(master, TIOCSWINSZ, &ws) < 0) SYSFAIL("ioctl", "TIOCSWINSZ");
  }
  int slave = ioctl(master, TIOCGPTPEER, O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (slave < 0) SYSFAIL("ioctl", "TIOCGPTPEER");
  for (int target = 0; target <= 2; target++)
    if (dup2(slave, target) < 0) SYSFAIL("dup2", "terminal");
  close(slave);
  return master;
}

/* The container has its copies of the slave: ours would keep the terminal from hanging up. */
static void drop_terminal_fds(void) {
  int null = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null < 0) return;
  for (int target = 0; target <= 2; target++) dup2(null, target);
  close(null);
}

/* Opens what the relay needs (relay.h) and the container's stdin, before the clone. */
static void open_relay(const struct spec *s, struct relay_fds *fds) {
  fds->master = s->terminal ? open_terminal(s) : -1;
  fds->out = -1;
  if (s->terminal) {
    fds->out = open_fifo(s->stdout_path, O_RDWR | O_NONBLOCK);
#ifdef F_SETPIPE_SZ
    (void) fcntl(fds->out, F_SETPIPE_SZ, 1 << 20); /* more room while the daemon is away; best effort */
#endif
  }
  /* The write end we keep makes the read-only open below return at once. */
  fds->in = s->stdin_path ? open_fifo(s->stdin_path, O_RDWR | O_NONBLOCK) : -1;
  if (s->stdin_path && !s->terminal) {
    int fd = open_fifo(s->stdin_path, O_RDONLY);
    if (dup2(fd, STDIN_FILENO) < 0) SYSFAIL("dup2", s->stdin_path);
    close(fd);
  }
  fds->ctl = s->ctl_path ? open_fifo(s->ctl_path, O_RDWR | O_NONBLOCK) : -1;
}

static void write_exit_file(const char *path, int code) {
  char tmp[4096], line[32];
  if ((size_t) snprintf(tmp, sizeof tmp, "%s.tmp", path) >= sizeof tmp) return;
  int fd = open(tmp, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) return;
  int n = snprintf(line, sizeof line, "%d\n", code);
  int ok = write(fd, line, (size_t) n) == n;
  ok = fsync(fd) == 0 && ok;
  close(fd);
  if (ok) rename(tmp, path); else unlink(tmp);
}

static void forward_signal(int sig) {
  if (container_pid > 0) kill(container_pid, sig);
}

int main(int argc, char **argv) {
  int enter_mode = argc == 3 && !strcmp(argv[1], "--enter");
  if (argc != 2 && !enter_mode) {
    dprintf(STDERR_FILENO, "usage: %s [--enter] CONTROL_SOCKET\n", argv[0]);
    return EXIT_SETUP;
  }
  signal(SIGPIPE, SIG_IGN);
  connect_control(argv[argc - 1]);

  uint32_t be_len;
  read_exact(control_fd, &be_len, sizeof be_len);
  size_t len = ntohl(be_len);
  if (len == 0 || len > MAX_SPEC) fail(EXIT_SETUP, "jdocker-init: bad spec length %zu", len);
  char *buf = malloc(len);
  if (!buf) fail(EXIT_SETUP, "jdocker-init: out of memory");
  read_exact(control_fd, buf, len);
  static struct spec spec;
  parse_spec(buf, len, &spec);
  if (spec.stdout_path && !spec.terminal) redirect_to(spec.stdout_path, STDOUT_FILENO);
  if (spec.stderr_path) redirect_to(spec.stderr_path, STDERR_FILENO);
  if (spec.console) open_console(spec.console);
  static struct relay_fds relay;
  open_relay(&spec, &relay);
  relay.wakeup = relay_wakeup_pipe();
  if (relay.wakeup < 0) SYSFAIL("pipe2", "wakeup");

  if (enter_mode) {
    container_pid = enter(&spec);
  } else {
    const size_t stack_size = 1 << 20;
    char *stack = mmap(NULL, stack_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED) SYSFAIL("mmap", "stack");
    container_pid = clone(container_main, stack + stack_size, spec.clone_flags | SIGCHLD, &spec);
    if (container_pid < 0) SYSFAIL("clone", "container");
  }
  if (spec.terminal) drop_terminal_fds();

  /* Only the container holds the control socket from here on, so the daemon sees EOF exactly when it execs. */
  char line[64];
  int n = snprintf(line, sizeof line, "pid %d\n", container_pid);
  send_all(line, (size_t) n);
  close(control_fd);
  control_fd = -1;

  struct sigaction sa = { .sa_handler = forward_signal };
  sigemptyset(&sa.sa_mask);
  int forwarded[] = { SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH };
  for (size_t i = 0; i < sizeof forwarded / sizeof *forwarded; i++) sigaction(forwarded[i], &sa, NULL);

  int status = relay_run(&relay, container_pid);
  int code = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
  if (spec.exit_file) write_exit_file(spec.exit_file, code);
  return code;
}
