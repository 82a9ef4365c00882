#!/usr/bin/env bash
# Writes a minimal busybox root filesystem as a tar (to $1, or stdout), made from the host's
# static busybox (Debian package busybox-static). The default image and the tests use it.
. "$(dirname "$0")/lib.sh"

busybox_bin=""
for candidate in /bin/busybox /usr/bin/busybox; do
  # A dynamically linked busybox would not run in a rootfs without its libc.
  if [ -x "$candidate" ] && ! ldd "$candidate" >/dev/null 2>&1; then
    busybox_bin="$candidate"
    break
  fi
done
[ -n "$busybox_bin" ] || die "no static busybox found: apt-get install busybox-static"

out="${1:--}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root"/{bin,dev,etc,home,proc,root,sys,tmp,usr/bin,usr/sbin,var/log,var/tmp,sbin}
chmod 1777 "$root/tmp" "$root/var/tmp"
chmod 0700 "$root/root"
cp "$busybox_bin" "$root/bin/busybox"
chmod 0755 "$root/bin/busybox"
for applet in $("$busybox_bin" --list); do
  [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
done
cat > "$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
PASSWD
cat > "$root/etc/group" <<'GROUP'
root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
tty:x:5:
www-data:x:33:
nogroup:x:65534:
GROUP
# A fixed mtime and sorted names make the same busybox give the same layer digest every time.
tar --sort=name --numeric-owner --owner=0 --group=0 --mtime='2024-01-01 00:00:00Z' \
  -C "$root" -cf "$out" .
