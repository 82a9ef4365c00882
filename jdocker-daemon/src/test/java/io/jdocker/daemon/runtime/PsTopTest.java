package io.jdocker.daemon.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.UnavailableException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker top with ps options: dockerd's parsing of ps output, filtered by the cgroup's PIDs. */
class PsTopTest {
  static final String PS_EF = """
      UID          PID    PPID  C STIME TTY          TIME CMD
      root           1       0  0 10:00 ?        00:00:01 /sbin/init splash
      root        4242       1  0 10:01 pts/0    00:00:00 sh -c sleep  100
      root        4243    4242  0 10:01 pts/0    00:00:00 sleep 100
      root        9999       1  0 10:02 ?        00:00:00 other
      """;

  @Test
  void keepsTheCgroupsRowsAndJoinsTheLastColumn() {
    TopResult top = PsTop.parse(PS_EF, Set.of(4242, 4243));
    assertEquals(List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"), top.titles());
    assertEquals(List.of(
        List.of("root", "4242", "1", "0", "10:01", "pts/0", "00:00:00", "sh -c sleep 100"),
        List.of("root", "4243", "4242", "0", "10:01", "pts/0", "00:00:00", "sleep 100")), top.processes());
  }

  @Test
  void threadLinesFollowTheirProcess() {
    String out = "PID TTY TIME CMD\n7 ? 00:00:00 a\n- - 00:00:00 -\n8 ? 00:00:00 b\n- - 00:00:00 -\n";
    TopResult top = PsTop.parse(out, Set.of(7));
    assertEquals(List.of(List.of("7", "?", "00:00:00", "a"), List.of("-", "-", "00:00:00", "-")), top.processes());
  }

  @Test
  void outputWithoutAPidColumnIsRefused() {
    var e = assertThrows(InvalidParameterException.class, () -> PsTop.parse("USER COMMAND\nroot sh\n", Set.of(1)));
    assertEquals("Couldn't find PID field in ps output", e.getMessage());
  }

  @Test
  void renamingAnotherColumnToPidIsRefused() {
    var e = assertThrows(InvalidParameterException.class, () -> PsTop.validate("-o user=PID"));
    assertEquals("specifying \"user=PID\" is not allowed", e.getMessage());
    PsTop.validate("-o pid=PID"); // allowed, as in dockerd
  }

  @Test
  void runsTheHostsPsAndKeepsOnlyTheGivenPids() throws Exception {
    Optional<Path> ps = PsTop.findPs();
    Assumptions.assumeTrue(ps.isPresent(), "needs procps");
    int self = (int) ProcessHandle.current().pid();
    TopResult top = PsTop.run(ps.get(), "-o pid,args", List.of(self));
    assertEquals(List.of("PID", "COMMAND"), top.titles());
    assertEquals(1, top.processes().size());
    assertEquals(Integer.toString(self), top.processes().getFirst().get(0));
    assertTrue(top.processes().getFirst().get(1).contains("java"), top.processes().toString());
  }

  @Test
  void psRejectingItsOptionsIsABadParameter() {
    Optional<Path> ps = PsTop.findPs();
    Assumptions.assumeTrue(ps.isPresent(), "needs procps");
    assertThrows(InvalidParameterException.class, () -> PsTop.run(ps.get(), "--no-such-option", List.of(1)));
  }

  @Test
  void withoutPsTheDefaultFallsBackToProcAndOptionsAreRefused(@TempDir Path tmp) throws Exception {
    ProcessTable table = new ProcessTable(Path.of("/proc"), tmp.resolve("passwd"), ZoneId.of("UTC"));
    int self = (int) ProcessHandle.current().pid();
    TopResult top = ContainerTop.of("-ef", Optional.empty(), List.of(self), table);
    assertEquals(ProcessTable.TITLES, top.titles());
    assertEquals(Integer.toString(self), top.processes().getFirst().get(1));
    assertThrows(UnavailableException.class, () -> ContainerTop.of("aux", Optional.empty(), List.of(self), table));
  }
}
