package io.jdocker.linux.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.errdefs.InvalidParameterException;
import org.junit.jupiter.api.Test;

class SignalTest {
  @Test
  void parsesNamesWithAndWithoutSigPrefixAndNumbers() {
    assertEquals(9, Signal.parse("KILL"));
    assertEquals(9, Signal.parse("SIGKILL"));
    assertEquals(9, Signal.parse("sigkill"));
    assertEquals(9, Signal.parse("9"));
    assertEquals(15, Signal.parse("TERM"));
    assertEquals(28, Signal.parse("WINCH"));
    assertEquals(34, Signal.parse("RTMIN"));
    assertEquals(37, Signal.parse("SIGRTMIN+3"));
    assertEquals(62, Signal.parse("RTMAX-2"));
  }

  @Test
  void rejectsUnknownSignalsWithDockersMessage() {
    for (String bad : new String[] {"NOPE", "0", "65", "", "RTMIN+40", "RTMAX+1", "123456"}) {
      InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> Signal.parse(bad), bad);
      assertEquals("Invalid signal: " + bad, e.getMessage());
    }
  }
}
