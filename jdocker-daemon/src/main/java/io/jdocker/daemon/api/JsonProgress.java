package io.jdocker.daemon.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.registry.ProgressSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link ProgressSink} that writes docker's JSON messages (moby's jsonmessage.JSONMessage) into
 * a progress stream, fields in dockerd's order and empty ones left out. A write that fails (the
 * client went away) is thrown as UncheckedIOException, which stops the pull or push.
 */
public final class JsonProgress implements ProgressSink {
  private final JsonStream out;

  public JsonProgress(JsonStream out) {
    this.out = out;
  }

  /** One message; {@code progressDetail} is {@code {}} rather than absent on layer steps. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"status", "progressDetail", "progress", "id", "aux"})
  public record Message(String status, Map<String, Long> progressDetail, String progress, String id,
      Map<String, Object> aux) {}

  @Override
  public void message(String id, String status) {
    write(new Message(status, null, null, id, null));
  }

  /** Go omits a zero count; our "unknown" is -1, docker's is 0, so neither is sent. */
  @Override
  public void layer(String id, String status, long current, long total) {
    if (current < 0) {
      write(new Message(status, Map.of(), null, id, null));
      return;
    }
    Map<String, Long> detail = new LinkedHashMap<>();
    if (current != 0) {
      detail.put("current", current);
    }
    if (total > 0) {
      detail.put("total", total);
    }
    String bar = ProgressBar.render(current, total);
    write(new Message(status, detail, bar.isEmpty() ? null : bar, id, null));
  }

  /** The status line, then the {@code aux} message that {@code docker trust} and SDKs read. */
  @Override
  public void pushed(String tag, Digest digest, long size) {
    write(new Message(tag + ": digest: " + digest + " size: " + size, null, null, null, null));
    Map<String, Object> aux = new LinkedHashMap<>();
    aux.put("Tag", tag);
    aux.put("Digest", digest.toString());
    aux.put("Size", size);
    write(new Message(null, Map.of(), null, null, aux));
  }

  private void write(Message message) {
    try {
      out.write(message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
