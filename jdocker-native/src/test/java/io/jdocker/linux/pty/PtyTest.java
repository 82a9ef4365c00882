package io.jdocker.linux.pty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.linux.errno.SyscallException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real ptys on the host's devpts; the slave side is driven by a child shell. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not an assertion
class PtyTest {

  private static Process shell(String script) throws Exception {
    // Redirections open the slave without making it the child's controlling terminal: ProcessBuilder
    // children are not session leaders.
    return new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
  }

  @Test
  void slaveIsADevPtsPathThatExists() throws Exception {
    try (Pty pty = Pty.open()) {
      assertTrue(pty.slave().toString().matches("/dev/pts/\\d+"), pty.slave().toString());
      assertTrue(Files.exists(pty.slave()));
    }
  }

  @Test
  void slaveOutputArrivesOnTheMasterWithCrLfAndEndsWhenTheSlaveCloses() throws Exception {
    try (Pty pty = Pty.open()) {
      TerminalTranscript t = TerminalTranscript.of(pty.input());
      Process p = shell("printf 'one\\ntwo\\n' > " + pty.slave());
      assertEquals(0, p.waitFor());
      assertEquals("one\r\ntwo\r\n", t.awaitEnd());
    }
  }

  @Test
  void masterInputIsReadOnTheSlave() throws Exception {
    try (Pty pty = Pty.open()) {
      TerminalTranscript t = TerminalTranscript.of(pty.input());
      // One open of the slave for the whole script: the master reads EOF once nobody holds it.
      Process p = shell("exec 3<>" + pty.slave() + "; stty -echo <&3; echo ready >&3; head -n 1 <&3");
      t.await("ready", 0);
      pty.output().write("typed line\n".getBytes(StandardCharsets.UTF_8));
      pty.output().flush();
      assertEquals("typed line\n", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      assertEquals(0, p.waitFor());
    }
  }

  @Test
  void resizeIsWhatTheSlaveSees() throws Exception {
    try (Pty pty = Pty.open()) {
      pty.resize(50, 132);
      assertEquals(new WindowSize(50, 132), pty.windowSize());
      Process p = shell("stty size < " + pty.slave());
      assertEquals("50 132\n", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      assertEquals(0, p.waitFor());
    }
  }

  @Test
  void openInADevptsDirectoryNamesTheSlaveThere() throws Exception {
    try (Pty pty = Pty.openIn(Path.of("/dev/pts"))) {
      assertTrue(pty.slave().toString().matches("/dev/pts/\\d+"), pty.slave().toString());
      pty.resize(10, 20);
      Process p = shell("stty size < " + pty.slave());
      assertEquals("10 20\n", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void closedPtyRefusesResizeAndClosesTheMaster() throws Exception {
    Pty pty = Pty.open();
    pty.close();
    SyscallException e = assertThrows(SyscallException.class, () -> pty.resize(1, 1));
    assertEquals(9, e.errno());
    assertThrows(java.io.IOException.class, () -> pty.output().write(1));
  }

  @Test
  void missingDevptsFailsWithTheCallAndErrno() {
    SyscallException e = assertThrows(SyscallException.class, () -> Pty.openIn(Path.of("/nonexistent/pts")));
    assertEquals("open(/nonexistent/pts/ptmx): ENOENT (No such file or directory)", e.getMessage());
  }

  @Test
  void windowSizeRejectsOutOfRangeValues() {
    assertThrows(IllegalArgumentException.class, () -> new WindowSize(-1, 80));
    assertThrows(IllegalArgumentException.class, () -> new WindowSize(24, 70000));
  }
}
