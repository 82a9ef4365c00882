package io.jdocker.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.errdefs.UnauthorizedException;
import io.jdocker.image.oci.MediaTypes;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Docker's token flow, Basic auth, and what refused credentials look like. */
class RegistryAuthTest {
  private static final byte[] MANIFEST =
      ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{},\"layers\":[]}")
          .getBytes(StandardCharsets.UTF_8);
  private static final RegistryAuth ALICE = new RegistryAuth("alice", "s3cret", null, null);
  private static final String ALICE_BASIC =
      "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));

  private FakeRegistry registry;
  private RegistryClient client;

  @BeforeEach
  void start() throws IOException {
    registry = FakeRegistry.start();
    registry.putManifest("team/app", "v1", MediaTypes.OCI_MANIFEST, MANIFEST);
    client = new RegistryClient(RegistryHosts.defaults());
  }

  @AfterEach
  void stop() {
    client.close();
    registry.close();
  }

  private RegistryRepository open(RegistryAuth auth, boolean push) throws IOException {
    return client.open(ImageReference.parse(registry.host() + "/team/app"), auth, push);
  }

  @Test
  void bearerTokenForTheRepositoryScopeWithBasicCredentialsAtTheRealm() throws IOException {
    registry.requireBearer("alice", "s3cret");
    RegistryRepository repo = open(ALICE, false);

    repo.manifest("v1");
    repo.manifest("v1");

    List<FakeRegistry.Request> tokenRequests = registry.requests("/token");
    assertEquals(1, tokenRequests.size(), "the token is cached for its lifetime");
    FakeRegistry.Request tokenRequest = tokenRequests.getFirst();
    assertEquals(Map.of("account", "alice", "service", FakeRegistry.SERVICE, "scope", "repository:team/app:pull"),
        tokenRequest.params());
    assertEquals(ALICE_BASIC, tokenRequest.header("Authorization"));
    List<FakeRegistry.Request> manifestGets = registry.requests("/v2/team/app/manifests/v1");
    assertEquals(2, manifestGets.size());
    manifestGets.forEach(r -> assertTrue(r.header("Authorization").startsWith("Bearer token-")));
  }

  @Test
  void pushAsksForPullAndPush() throws IOException {
    registry.requireBearer("alice", "s3cret");

    open(ALICE, true).putManifest("v2", MediaTypes.OCI_MANIFEST, MANIFEST);

    assertEquals("repository:team/app:pull,push", registry.requests("/token").getFirst().params().get("scope"));
    assertTrue(registry.manifest("team/app", "v2").isPresent());
  }

  @Test
  void wrongPasswordAtTheRealmIsUnauthorizedNamingTheRequest() throws IOException {
    registry.requireBearer("alice", "s3cret");
    RegistryRepository repo = open(new RegistryAuth("alice", "wrong", null, null), false);

    UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> repo.manifest("v1"));
    assertEquals("Get \"" + registry.url() + "/v2/team/app/manifests/v1\": unauthorized: incorrect username or password",
        e.getMessage());
  }

  @Test
  void aTokenThatGrantsNothingEndsInTheRegistrysUnauthorized() throws IOException {
    registry.requireBearer("alice", "s3cret");
    RegistryRepository repo = open(RegistryAuth.ANONYMOUS, false);

    UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> repo.manifest("v1"));
    assertEquals("unauthorized: authentication required", e.getMessage());
    assertNull(registry.requests("/token").getFirst().header("Authorization"));
  }

  @Test
  void anonymousTokenIsEnoughForPublicPulls() throws IOException {
    registry.requireBearer("alice", "s3cret").anonymousPull();

    assertEquals(Digest.of(MANIFEST), open(RegistryAuth.ANONYMOUS, false).manifest("v1").digest());
  }

  @Test
  void registryTokenIsSentAsIsWithoutTheRealm() throws IOException {
    registry.requireBearer("alice", "s3cret");
    String token = registry.newToken("repository:team/app:pull");

    open(new RegistryAuth(null, null, null, token), false).manifest("v1");

    assertTrue(registry.requests("/token").isEmpty());
    assertEquals("Bearer " + token, registry.requests("/v2/team/app/manifests/v1").getFirst().header("Authorization"));
  }

  @Test
  void identityTokenIsExchangedWithARefreshTokenPost() throws IOException {
    registry.requireBearer("alice", "s3cret");

    open(new RegistryAuth("alice", null, registry.refreshToken(), null), false).manifest("v1");

    FakeRegistry.Request post = registry.requests("/token").getFirst();
    assertEquals("POST", post.method());
    String form = new String(post.body(), StandardCharsets.UTF_8);
    assertTrue(form.contains("grant_type=refresh_token"), form);
    assertTrue(form.contains("scope=repository%3Ateam%2Fapp%3Apull"), form);
  }

  @Test
  void basicOnlyRegistry() throws IOException {
    registry.requireBasic("alice", "s3cret");

    open(ALICE, false).manifest("v1");
    assertEquals(ALICE_BASIC, registry.requests("/v2/team/app/manifests/v1").getFirst().header("Authorization"));

    RegistryRepository wrong = open(new RegistryAuth("alice", "nope", null, null), false);
    UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> wrong.manifest("v1"));
    assertEquals("unauthorized: authentication required", e.getMessage());
    RegistryRepository anonymous = open(RegistryAuth.ANONYMOUS, false);
    assertThrows(UnauthorizedException.class, () -> anonymous.manifest("v1"));
  }

  @Test
  void blobRedirectsAreFollowedWithoutTheRegistrysCredentials() throws IOException {
    registry.requireBearer("alice", "s3cret").redirectBlobs();
    byte[] layer = "layer".getBytes(StandardCharsets.UTF_8);
    Digest digest = registry.putBlob("team/app", layer);

    try (BlobStream blob = open(ALICE, false).blob(digest)) {
      assertEquals("layer", new String(blob.in().readAllBytes(), StandardCharsets.UTF_8));
    }

    assertTrue(registry.requests("/v2/team/app/blobs/" + digest).getFirst().header("Authorization")
        .startsWith("Bearer "));
    FakeRegistry.Request fromStorage = registry.requests("/storage/" + digest).getFirst();
    assertNull(fromStorage.header("Authorization"));
  }

  @Test
  void loginWithATokenServerReturnsItsRefreshToken() throws IOException {
    registry.requireBearer("alice", "s3cret");

    assertEquals(registry.refreshToken(), client.login("http://" + registry.host() + "/", ALICE));

    Map<String, String> params = registry.requests("/token").getFirst().params();
    assertEquals("true", params.get("offline_token"));
    assertEquals("docker", params.get("client_id"));
    assertFalse(params.containsKey("scope"));
  }

  @Test
  void loginRefusedByTheTokenServer() throws IOException {
    registry.requireBearer("alice", "s3cret");

    UnauthorizedException e = assertThrows(UnauthorizedException.class,
        () -> client.login(registry.host(), new RegistryAuth("alice", "wrong", null, null)));
    assertEquals("Get \"" + registry.url() + "/v2/\": unauthorized: incorrect username or password", e.getMessage());
  }

  @Test
  void loginAgainstBasicAuth() throws IOException {
    registry.requireBasic("alice", "s3cret");

    assertEquals("", client.login(registry.host(), ALICE));
    UnauthorizedException e = assertThrows(UnauthorizedException.class,
        () -> client.login(registry.host(), new RegistryAuth("alice", "wrong", null, null)));
    assertEquals("login attempt to " + registry.url() + "/v2/ failed with status: 401 Unauthorized", e.getMessage());
  }

  @Test
  void loginToAnOpenRegistrySucceeds() throws IOException {
    assertEquals("", client.login(registry.host(), ALICE));
  }
}
