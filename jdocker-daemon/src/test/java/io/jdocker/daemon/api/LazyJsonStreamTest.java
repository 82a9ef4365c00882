package io.jdocker.daemon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.testing.FakeResponse;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.errdefs.UnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LazyJsonStreamTest {
  @Test
  void failureBeforeTheFirstMessageLeavesTheResponseUntouched() {
    FakeResponse response = new FakeResponse();
    NotFoundException missing = new NotFoundException("manifest unknown");
    assertSame(missing, assertThrows(NotFoundException.class,
        () -> LazyJsonStream.respond(response, stream -> {
          throw missing;
        })));
    assertEquals(-1, response.status);
    assertFalse(response.closed);
  }

  @Test
  void failureAfterTheFirstMessageBecomesTheLastMessage() throws Exception {
    FakeResponse response = new FakeResponse();
    LazyJsonStream.respond(response, stream -> {
      stream.write(Map.of("status", "Pulling from library/busybox"));
      throw new UnavailableException("read tcp: connection reset by peer");
    });
    assertEquals(200, response.status);
    assertEquals(2, response.messages.size());
    assertEquals("{\"errorDetail\":{\"message\":\"read tcp: connection reset by peer\"},"
        + "\"error\":\"read tcp: connection reset by peer\"}", response.messages.get(1).toString());
    assertTrue(response.closed);
  }

  @Test
  void aJobThatReportsNothingStillEndsAnEmpty200() throws Exception {
    FakeResponse response = new FakeResponse();
    LazyJsonStream.respond(response, stream -> {});
    assertEquals(200, response.status);
    assertTrue(response.messages.isEmpty());
    assertTrue(response.closed);
  }

  @Test
  void aClientThatWentAwayGetsNoErrorMessage() {
    int[] writes = {0};
    ApiResponse gone = new ApiResponse() {
      @Override
      public JsonStream jsonStream(int status) {
        return new JsonStream() {
          @Override
          public void write(Object message) throws IOException {
            writes[0]++;
            throw new IOException("Broken pipe");
          }

          @Override
          public void close() {}
        };
      }

      @Override public void json(int status, Object body) { throw new AssertionError(); }
      @Override public void empty(int status) { throw new AssertionError(); }
      @Override public void text(int status, String contentType, String body) { throw new AssertionError(); }
      @Override public ApiResponse header(String name, String value) { return this; }
      @Override public java.io.OutputStream stream(int status, String contentType) { throw new AssertionError(); }
    };
    assertThrows(UncheckedIOException.class, () -> LazyJsonStream.respond(gone,
        stream -> new JsonProgress(stream).message("latest", "Pulling from library/busybox")));
    assertEquals(1, writes[0]); // no error message was attempted on the broken stream
  }
}
