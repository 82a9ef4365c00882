package io.jdocker.daemon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdocker.daemon.api.testing.FakeRequest;
import io.jdocker.image.registry.RegistryAuth;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AuthConfigsTest {
  private static final RegistryAuth UNICODE = new RegistryAuth("ü?>", "p~~?", null, null);

  private static String b64url(String json) {
    return Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void urlSafeAndStandardBase64WithOrWithoutPaddingAllDecode() {
    String json = "{\"username\":\"ü?>\",\"password\":\"p~~?\"}";
    String urlSafe = b64url(json);
    assertEquals("eyJ1c2VybmFtZSI6IsO8Pz4iLCJwYXNzd29yZCI6InB-fj8ifQ==", urlSafe); // '-' where std has '+'
    assertEquals(UNICODE, AuthConfigs.decodeHeader(urlSafe).auth());
    assertEquals(UNICODE, AuthConfigs.decodeHeader(urlSafe.replace("=", "")).auth());
    String standard = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    assertEquals(UNICODE, AuthConfigs.decodeHeader(standard).auth());
    assertEquals(UNICODE, AuthConfigs.decodeHeader(standard.replace("=", "")).auth());
  }

  @Test
  void everyFieldAndTheServerAddressAreRead() {
    AuthConfigs.Decoded d = AuthConfigs.decodeHeader(b64url("{\"username\":\"u\",\"password\":\"p\","
        + "\"email\":\"e@x\",\"serveraddress\":\"127.0.0.1:5000\",\"identitytoken\":\"id-1\",\"registrytoken\":\"rt\"}"));
    assertEquals(new RegistryAuth("u", "p", "id-1", "rt"), d.auth());
    assertEquals("127.0.0.1:5000", d.serverAddress());
    // Go's encoding/json matches keys without regard to case
    assertEquals(new RegistryAuth("U", "P", "T", null),
        AuthConfigs.decodeHeader(b64url("{\"Username\":\"U\",\"PASSWORD\":\"P\",\"IdentityToken\":\"T\"}")).auth());
  }

  @Test
  void theAuthFieldStandsInForAMissingUsername() {
    String auth = Base64.getEncoder().encodeToString("user:pa:ss".getBytes(StandardCharsets.UTF_8));
    assertEquals(new RegistryAuth("user", "pa:ss", null, null),
        AuthConfigs.decodeHeader(b64url("{\"auth\":\"" + auth + "\",\"serveraddress\":\"r\"}")).auth());
    assertEquals(new RegistryAuth("explicit", "p", null, null),
        AuthConfigs.decodeHeader(b64url("{\"username\":\"explicit\",\"password\":\"p\",\"auth\":\"" + auth + "\"}"))
            .auth());
    assertEquals(RegistryAuth.ANONYMOUS, AuthConfigs.decodeHeader(b64url("{\"auth\":\"%%%\"}")).auth());
  }

  @Test
  void emptyAnonymousAndUndecodableHeadersAreAnonymous() {
    assertEquals(RegistryAuth.ANONYMOUS, AuthConfigs.decodeHeader("").auth());
    assertEquals(RegistryAuth.ANONYMOUS, AuthConfigs.decodeHeader("e30=").auth());
    assertEquals(RegistryAuth.ANONYMOUS, AuthConfigs.decodeHeader("e30").auth());
    assertEquals(RegistryAuth.ANONYMOUS, AuthConfigs.decodeHeader("not base64 at all!").auth());
    assertEquals(RegistryAuth.ANONYMOUS, AuthConfigs.decodeHeader(b64url("[1,2]")).auth());
    assertEquals(RegistryAuth.ANONYMOUS, AuthConfigs.decodeHeader(b64url("{\"username\":\"\"}")).auth());
    assertEquals(RegistryAuth.ANONYMOUS, AuthConfigs.fromHeader(new FakeRequest("POST", "/images/create")));
    assertEquals("u", AuthConfigs.fromHeader(new FakeRequest("POST", "/x")
        .header("x-registry-auth", b64url("{\"username\":\"u\"}"))).username());
  }
}
