package dev.kiln.platform.identity;

import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The public signing keys, and their rotation by a platform admin. */
@RestController
class KeysController {

  record Rotated(String kid) {}

  private final SigningKeys keys;

  KeysController(SigningKeys keys) {
    this.keys = keys;
  }

  @PublicEndpoint
  @GetMapping("/.well-known/jwks.json")
  ResponseEntity<Map<String, Object>> jwks() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
        .body(keys.publicKeys().toJSONObject());
  }

  /** Signs new tokens with a fresh key; tokens signed with the old one stay valid until expiry. */
  @AdminEndpoint
  @PostMapping("/api/v1/admin/signing-keys/rotate")
  @ResponseStatus(HttpStatus.CREATED)
  Rotated rotate() {
    return new Rotated(keys.rotate());
  }
}
