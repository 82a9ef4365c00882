/**
 * The file-copy core behind {@code docker cp}: {@link io.jdocker.daemon.archive.ContainerFs} answers
 * {@code HEAD}, {@code GET} and {@code PUT /containers/{id}/archive} on a container root given as
 * a host path ({@code /proc/<pid>/root} for a running container, its mounted overlay for a stopped
 * one). Client paths are resolved by {@link io.jdocker.daemon.archive.ScopedPath} (Docker's
 * {@code FollowSymlinkInScope}); the stat header is {@link io.jdocker.daemon.archive.PathStat};
 * {@link io.jdocker.daemon.archive.ArchiveReader} writes the tar, {@link
 * io.jdocker.daemon.archive.ArchiveWriter} extracts one with the layer unpacker's checks.
 *
 * <p>What the engine does around it: look the container up (404 "No such container"), pick the
 * root, refuse PUT on a read-only rootfs outside volumes ("container rootfs is marked read-only"),
 * resolve the owner for {@code copyUIDGID} from the container's {@code User}, send {@code
 * application/x-tar} with the stat header, and emit the {@code archive-path}/{@code extract-to-dir}
 * events.
 *
 * <p>Known limit: paths are checked, then used. A process inside a running container that swaps a
 * checked directory for a symlink at the right moment could redirect a write (Docker closed the
 * same race, CVE-2018-15664, by extracting inside a chroot); closing it here needs {@code
 * openat2(RESOLVE_IN_ROOT)} or a helper process that chroots.
 */
package io.jdocker.daemon.archive;
