package io.jdocker.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.jdocker.errdefs.EngineException;
import io.jdocker.errdefs.ForbiddenException;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.errdefs.UnauthorizedException;
import io.jdocker.errdefs.UnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Challenge headers and error bodies, as registries write them. */
class RegistryWireFormatTest {
  @Test
  void parsesBearerAndBasicChallenges() {
    List<AuthChallenge> parsed = AuthChallenge.parse(
        "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
            + "scope=\"repository:library/busybox:pull,push\", Basic realm=basic-realm");
    assertEquals(List.of(
        new AuthChallenge("bearer", Map.of("realm", "https://auth.docker.io/token",
            "service", "registry.docker.io", "scope", "repository:library/busybox:pull,push")),
        new AuthChallenge("basic", Map.of("realm", "basic-realm"))), parsed);
  }

  private static EngineException error(int status, String body) {
    return RegistryErrors.of(status, List.of(), body.getBytes(StandardCharsets.UTF_8), RegistryErrors.MANIFEST_UNKNOWN);
  }

  @Test
  void wordsErrorsAsDistributionsClient() {
    EngineException notFound = error(404,
        "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\",\"detail\":{\"Tag\":\"x\"}}]}");
    assertInstanceOf(NotFoundException.class, notFound);
    assertEquals("manifest unknown: manifest unknown", notFound.getMessage());

    EngineException denied = error(403, "");
    assertInstanceOf(ForbiddenException.class, denied);
    assertEquals("denied: requested access to the resource is denied", denied.getMessage());

    EngineException hub = error(401, "{\"details\":\"incorrect username or password\"}");
    assertInstanceOf(UnauthorizedException.class, hub);
    assertEquals("unauthorized: incorrect username or password", hub.getMessage());

    assertEquals("errors:\nname unknown: repository name not known to registry\nunsupported: nope\n",
        error(404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known to registry\"},"
            + "{\"code\":\"UNSUPPORTED\",\"message\":\"nope\"}]}").getMessage());

    EngineException broken = error(502, "<html>bad gateway</html>");
    assertInstanceOf(UnavailableException.class, broken);
    assertEquals("received unexpected HTTP status: 502 Bad Gateway", broken.getMessage());

    assertEquals("manifest unknown: manifest unknown", error(404, "404 page not found").getMessage());
  }

  @Test
  void readsRfc6750ErrorsFromTheChallenge() {
    EngineException e = RegistryErrors.of(401,
        AuthChallenge.parse("Bearer realm=\"r\",error=\"invalid_token\",error_description=\"token expired\""),
        new byte[0], RegistryErrors.MANIFEST_UNKNOWN);
    assertEquals("unauthorized: token expired", e.getMessage());
  }
}
