package io.jdocker.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TabWriterTest {
  @Test
  void matchesDockerImagesOutput() {
    // Captured from docker CLI 28.2.2 (`docker images`) against dockerd 20.10.
    String input = "REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\n"
        + "<none>\t<none>\t45fb10d460b1\tLess than a second ago\t1.99MB\n"
        + "busybox\tlatest\te918bf02f6f9\tLess than a second ago\t1.99MB\n"
        + "myrepo/thing\t1.0\t60febb0b6a73\tLess than a second ago\t1.99MB\n";
    String docker = """
        REPOSITORY     TAG       IMAGE ID       CREATED                  SIZE
        <none>         <none>    45fb10d460b1   Less than a second ago   1.99MB
        busybox        latest    e918bf02f6f9   Less than a second ago   1.99MB
        myrepo/thing   1.0       60febb0b6a73   Less than a second ago   1.99MB
        """;
    assertEquals(docker, TabWriter.docker().format(input));
  }

  @Test
  void matchesDockerHistoryWithEmptyColumn() {
    String input = "IMAGE\tCREATED\tCREATED BY\tSIZE\tCOMMENT\ne918bf02f6f9\t4 seconds ago\t\t1.99MB\tImported from -\n";
    String docker = """
        IMAGE          CREATED         CREATED BY   SIZE      COMMENT
        e918bf02f6f9   4 seconds ago                1.99MB    Imported from -
        """;
    assertEquals(docker, TabWriter.docker().format(input));
  }

  @Test
  void lineWithoutTabsEndsTheColumnBlock() {
    String input = "a\tb\nlonger\tc\nplain line\nx\ty\n";
    assertEquals("a        b\nlonger   c\nplain line\nx   y\n", new TabWriter(0, 3).format(input));
  }

  @Test
  void versionLayoutUsesMinimumWidth20Padding1() {
    String input = "Client:\n Version:\t0.1.0\n API version:\t1.44\n";
    assertEquals("Client:\n Version:           0.1.0\n API version:       1.44\n", new TabWriter(20, 1).format(input));
  }

  @Test
  void keepsMissingFinalNewline() {
    assertEquals("a         b", TabWriter.docker().format("a\tb"));
  }
}
