package io.jdocker.linux.jnr;

import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;

/** libc's mount calls, as JNR binds them. Used only by {@link JnrMountSyscalls}. */
public interface LibcMount {
  LibcMount INSTANCE =
      LibraryLoader.create(LibcMount.class).option(LibraryOption.SaveError, true).load("c");

  int mount(String source, String target, String fstype, long flags, String data);

  int umount2(String target, int flags);
}
