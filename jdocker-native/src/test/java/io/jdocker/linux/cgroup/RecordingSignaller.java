package io.jdocker.linux.cgroup;

import io.jdocker.linux.signal.Signaller;
import java.util.ArrayList;
import java.util.List;

/** Records kill(2) calls instead of making them. */
final class RecordingSignaller implements Signaller {
  final List<String> calls = new ArrayList<>();

  @Override
  public void kill(int pid, int signal) {
    calls.add(pid + ":" + signal);
  }
}
