package io.jdocker.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdocker.it.support.Daemon;
import io.jdocker.it.support.RawHttp.Response;
import io.jdocker.it.support.SharedDaemon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What every client does first (CLIENT-TRACE §1–3): ping, negotiate, and read JSON errors. */
@ExtendWith(SharedDaemon.class)
class HandshakeIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void headPingCarriesTheNegotiationHeadersAndNoBody(Daemon daemon) {
    Response ping = daemon.http().request("HEAD", "/_ping", null);
    assertEquals(200, ping.status());
    assertEquals("1.44", ping.header("Api-Version"));
    assertEquals("linux", ping.header("Ostype"));
    assertEquals("false", ping.header("Docker-Experimental"));
    assertEquals(0, ping.body().length);
  }

  @Test
  void getPingAnswersOkUnversionedAndVersioned(Daemon daemon) {
    assertEquals("OK", daemon.http().get("/_ping").text());
    assertEquals("OK", daemon.http().get("/v1.44/_ping").text());
    assertEquals("OK", daemon.http().get("/v1.24/_ping").text());
  }

  @Test
  void versionReportsApiRange(Daemon daemon) throws Exception {
    Response version = daemon.http().get("/version");
    assertEquals(200, version.status());
    assertTrue(version.header("Content-Type").startsWith("application/json"));
    JsonNode body = JSON.readTree(version.body());
    assertEquals("1.44", body.path("ApiVersion").asText());
    assertEquals("1.24", body.path("MinAPIVersion").asText());
    assertEquals("linux", body.path("Os").asText());
  }

  @Test
  void tooNewVersionIsRefusedLikeDockerd(Daemon daemon) throws Exception {
    Response response = daemon.http().get("/v1.50/version");
    assertEquals(400, response.status());
    assertEquals("client version 1.50 is too new. Maximum supported API version is 1.44",
        JSON.readTree(response.body()).path("message").asText());
  }

  @Test
  void tooOldVersionIsRefusedInPlainText(Daemon daemon) {
    Response response = daemon.http().get("/v1.11/version");
    assertEquals(400, response.status());
    assertTrue(response.text().contains("client version 1.11 is too old"), response.text());
  }

  @Test
  void unknownRouteIsAJson404(Daemon daemon) throws Exception {
    Response response = daemon.http().get("/v1.44/no/such/route");
    assertEquals(404, response.status());
    assertEquals("page not found", JSON.readTree(response.body()).path("message").asText());
  }

  @Test
  void unknownImageIsAJson404WithDockersText(Daemon daemon) throws Exception {
    Response response = daemon.http().get("/v1.44/images/nosuchimage/json");
    assertEquals(404, response.status());
    assertEquals("No such image: nosuchimage:latest",
        JSON.readTree(response.body()).path("message").asText());
  }

  @Test
  void everyJsonResponseCarriesTheApiVersion(Daemon daemon) {
    assertEquals("1.44", daemon.http().get("/v1.44/info").header("Api-Version"));
    assertEquals("1.44", daemon.http().get("/v1.44/images/json").header("Api-Version"));
  }
}
