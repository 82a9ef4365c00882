package io.jdocker.daemon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdocker.image.ref.Digest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON of each progress message, byte for byte as dockerd writes it (before the "\r\n"). */
class JsonProgressTest {
  private final List<String> lines = new ArrayList<>();
  private final JsonProgress progress = new JsonProgress(new JsonStream() {
    @Override
    public void write(Object message) throws java.io.IOException {
      lines.add(ApiJson.mapper().writeValueAsString(message));
    }

    @Override
    public void close() {}
  });

  @Test
  void messagesWithAndWithoutId() {
    progress.message("latest", "Pulling from library/busybox");
    progress.message(null, "Status: Downloaded newer image for busybox:latest");
    assertEquals(List.of("{\"status\":\"Pulling from library/busybox\",\"id\":\"latest\"}",
        "{\"status\":\"Status: Downloaded newer image for busybox:latest\"}"), lines);
  }

  @Test
  void layerStepsWithAndWithoutCounts() {
    progress.layer("fb63fa61b33b", "Pulling fs layer", -1, -1);
    progress.layer("fb63fa61b33b", "Extracting", 32768, 2141696);
    progress.layer("fb63fa61b33b", "Pushing", 512, -1);
    progress.layer("fb63fa61b33b", "Downloading", 0, 1000);
    assertEquals(List.of(
        "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"fb63fa61b33b\"}",
        "{\"status\":\"Extracting\",\"progressDetail\":{\"current\":32768,\"total\":2141696},"
            + "\"progress\":\"[>" + " ".repeat(50) + "]  32.77kB/2.142MB\",\"id\":\"fb63fa61b33b\"}",
        "{\"status\":\"Pushing\",\"progressDetail\":{\"current\":512},\"progress\":\"    512B\",\"id\":\"fb63fa61b33b\"}",
        "{\"status\":\"Downloading\",\"progressDetail\":{\"total\":1000},"
            + "\"progress\":\"[>" + " ".repeat(50) + "]       0B/1kB\",\"id\":\"fb63fa61b33b\"}"), lines);
  }

  @Test
  void pushedIsAStatusLineThenTheAuxResult() {
    Digest digest = Digest.parse("sha256:" + "c".repeat(64));
    progress.pushed("v1", digest, 527);
    assertEquals(List.of("{\"status\":\"v1: digest: " + digest + " size: 527\"}",
        "{\"progressDetail\":{},\"aux\":{\"Tag\":\"v1\",\"Digest\":\"" + digest + "\",\"Size\":527}}"), lines);
  }
}
