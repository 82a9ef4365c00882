package io.jdocker.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdocker.cli.training.FakeDaemon;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code system df} against canned {@code /system/df} answers. Every expected text is what docker
 * CLI 28.2.2 printed for the same answer (its times shifted so "ago" reads the same).
 */
class SystemDfCommandTest {
  private static final String EMPTY = "{\"LayersSize\":0,\"Images\":[],\"Containers\":[],\"Volumes\":[],\"BuildCache\":[]}";

  @TempDir
  Path dir;

  CliHarness cli;

  @BeforeEach
  void start() throws Exception {
    cli = new CliHarness(dir);
  }

  @AfterEach
  void stop() throws Exception {
    cli.close();
  }

  private void answer(String json) {
    cli.route("GET /system/df", FakeDaemon.Response.json(200, json).chunkedBody());
  }

  @Test
  void summaryTableComputesReclaimableLikeDocker() {
    answer(CliHarness.sample("api_system_df.json"));
    CliHarness.Result r = cli.run("system", "df");
    assertEquals(0, r.status(), r.err());
    assertEquals("""
        TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE
        Images          3         1         92.59MB   88.33MB (95%)
        Containers      2         1         2.012MB   2MB (99%)
        Local Volumes   3         1         10MB      7MB (70%)
        Build Cache     3         1         123.5MB   123.5MB
        """, r.out());
    // docker 28 sends no "type" parameters.
    assertEquals(List.of("GET /v1.44/system/df"), cli.calls());
  }

  @Test
  void verbosePrintsEverySection() {
    answer(CliHarness.sample("api_system_df.json"));
    CliHarness.Result r = cli.run("system", "df", "-v");
    assertEquals(0, r.status(), r.err());
    assertEquals("""
        Images space usage:

        REPOSITORY   TAG       IMAGE ID       CREATED        SIZE      SHARED SIZE   UNIQUE SIZE   CONTAINERS
        busybox      latest    e918bf02f6f9   10 days ago    4.26MB    0B            4.262MB       2
        nginx        1.25      1111bf02f6f9   2 months ago   88.3MB    1.234kB       88.33MB       0
        <none>       <none>    2222bf02f6f9   6 months ago   1kB       N/A           N/A           N/A

        Containers space usage:

        CONTAINER ID   IMAGE                                                                      COMMAND                  LOCAL VOLUMES   SIZE      CREATED       STATUS                   NAMES
        0123456789ab   busybox                                                                    "sh -c 'sleep 1000 &…"   1               12.3kB    5 hours ago   Up 15 minutes            web
        fedcba987654   sha256:e918bf02f6f9aa9abbe2f5ab8a0e1e9d4f7d2c0e3f9a6f5c1b2a3d4e5f6a7b8c9   "true"                   0               2MB       10 days ago   Exited (0) 2 hours ago   old

        Local Volumes space usage:

        VOLUME NAME                                                        LINKS     SIZE
        vol1                                                               1         3MB
        aaaabbbbccccddddeeeeffff00001111aaaabbbbccccddddeeeeffff00001111   0         7MB
        unk                                                                -1        -1B

        Build cache usage: 123.5MB

        CACHE ID       CACHE TYPE     SIZE      CREATED        LAST USED      USAGE     SHARED
        aaa1*          source.local   2.05kB    6 hours ago                   1         false
        bbb2           frontend       123MB     2 months ago   43 hours ago   12        false
        zzzc2f1bd0f3   regular        51.2MB    8 days ago     19 hours ago   3         true
        """, r.out());
  }

  @Test
  void formatJsonAndTemplates() {
    answer(CliHarness.sample("api_system_df.json"));
    assertEquals("""
        {"Active":"1","Reclaimable":"88.33MB (95%)","Size":"92.59MB","TotalCount":"3","Type":"Images"}
        {"Active":"1","Reclaimable":"2MB (99%)","Size":"2.012MB","TotalCount":"2","Type":"Containers"}
        {"Active":"1","Reclaimable":"7MB (70%)","Size":"10MB","TotalCount":"3","Type":"Local Volumes"}
        {"Active":"1","Reclaimable":"123.5MB","Size":"123.5MB","TotalCount":"3","Type":"Build Cache"}
        """, cli.run("system", "df", "--format", "json").out());
    assertEquals("""
        TYPE            RECLAIMABLE
        Images          88.33MB (95%)
        Containers      2MB (99%)
        Local Volumes   7MB (70%)
        Build Cache     123.5MB
        """, cli.run("system", "df", "--format", "table {{.Type}}\\t{{.Reclaimable}}").out());
    String raw = cli.run("system", "df", "--format", "raw").out();
    assertEquals("type: Images\ntotal: 3\nactive: 1\nsize: 92.59MB\nreclaimable: 88.33MB (95%)\n\ntype: Containers\n",
        raw.substring(0, raw.indexOf("total: 2")));
    assertEquals(24, raw.lines().count());
    // A verbose template runs once over all lists, untruncated, with no newline added.
    assertEquals("aaa1* 2.05kB true;bbb2 123MB false;zzzc2f1bd0f3e12ab34cd56ef7890abcdef1234567890abcdef1234567890ab 51.2MB false;",
        cli.run("system", "df", "-v", "--format", "{{range .BuildCache}}{{.ID}} {{.Size}} {{.InUse}};{{end}}").out());
    assertEquals(true, cli.run("system", "df", "-v", "--format", "{{json .Volumes}}").out().startsWith("[{\"Availability\":\"N/A\",\"Driver\":\"local\",\"Group\":\"N/A\",\"Labels\":\"\",\"Links\":\"1\","
        + "\"Mountpoint\":\"/var/lib/docker/volumes/vol1/_data\",\"Name\":\"vol1\",\"Scope\":\"local\",\"Size\":\"3MB\",\"Status\":\"N/A\"},"));
  }

  @Test
  void emptyDaemonIsAllZeros() {
    answer(EMPTY);
    assertEquals("""
        TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE
        Images          0         0         0B        0B
        Containers      0         0         0B        0B
        Local Volumes   0         0         0B        0B
        Build Cache     0         0         0B        0B
        """, cli.run("system", "df").out());
    assertEquals("""
        Images space usage:

        REPOSITORY   TAG       IMAGE ID   CREATED   SIZE      SHARED SIZE   UNIQUE SIZE   CONTAINERS

        Containers space usage:

        CONTAINER ID   IMAGE     COMMAND   LOCAL VOLUMES   SIZE      CREATED   STATUS    NAMES

        Local Volumes space usage:

        VOLUME NAME   LINKS     SIZE

        Build cache usage: 0B

        CACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED
        """, cli.run("system", "df", "--verbose").out());
    assertEquals("{\"Images\":[],\"Containers\":[],\"Volumes\":[],\"BuildCache\":[]}",
        cli.run("system", "df", "-v", "--format", "json").out());
  }

  @Test
  void errorsAsDocker() {
    answer(EMPTY);
    CliHarness.Result bad = cli.run("system", "df", "--format", "{{.Nope}}");
    assertEquals(1, bad.status());
    assertEquals("template parsing error: template: :1:2: executing \"\" at <.Nope>: can't evaluate field Nope"
        + " in type *formatter.diskUsageImagesContext\n", bad.err());
    CliHarness.Result args = cli.run("system", "df", "x");
    assertEquals(1, args.status());
    assertEquals("jdocker: 'jdocker system df' accepts no arguments\n", args.err().lines().findFirst().orElse("") + "\n");
    // The template fails only after the daemon answered; the argument error comes first.
    assertEquals(List.of("GET /v1.44/system/df"), cli.calls());
  }
}
