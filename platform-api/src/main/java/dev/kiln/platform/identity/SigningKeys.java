package dev.kiln.platform.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Kiln's RS256 signing keys, kept in the database so they survive restarts and are shared by every
 * pod. The newest unretired key signs; every key retired less than an access-token lifetime ago
 * still verifies, so rotation never invalidates a live token. Also the {@link JWKSource} the
 * decoder verifies against: an unknown {@code kid} triggers a (throttled) reload from the database.
 */
@Component
class SigningKeys implements JWKSource<SecurityContext> {

  private static final int KEY_BITS = 2048;
  private static final long INITIAL_KEY_LOCK = 0x6b696c6eL;
  private static final Duration MAX_AGE = Duration.ofSeconds(60);
  private static final Duration MIN_RELOAD_GAP = Duration.ofSeconds(2);

  private record Snapshot(RSAKey signing, JWKSet verification, Instant loadedAt) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Duration retention;
  private final Clock clock;
  private volatile Snapshot snapshot;

  SigningKeys(JdbcClient jdbc, TransactionTemplate tx, AuthSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.retention = settings.accessTokenTtl().plusMinutes(1);
    this.clock = clock;
  }

  /** The key new tokens are signed with; created on first use. Never null. */
  RSAKey signingKey() {
    return current().signing();
  }

  /** The public keys that verify tokens, as served at {@code /.well-known/jwks.json}. */
  JWKSet publicKeys() {
    return current().verification().toPublicJWKSet();
  }

  /** Makes a new signing key and retires the previous ones; returns the new {@code kid}. */
  String rotate() {
    String kid =
        tx.execute(
            status -> {
              jdbc.sql("update signing_keys set retired_at = ? where retired_at is null")
                  .param(java.sql.Timestamp.from(clock.instant()))
                  .update();
              return insertNewKey().getKeyID();
            });
    snapshot = load();
    return kid;
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) {
    Snapshot current = current();
    List<JWK> found = selector.select(current.verification());
    if (found.isEmpty()
        && Duration.between(current.loadedAt(), clock.instant()).compareTo(MIN_RELOAD_GAP) > 0) {
      snapshot = load();
      found = selector.select(snapshot.verification());
    }
    return found;
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    if (s == null || Duration.between(s.loadedAt(), clock.instant()).compareTo(MAX_AGE) > 0) {
      s = load();
      snapshot = s;
    }
    return s;
  }

  private Snapshot load() {
    return tx.execute(
        status -> {
          List<RSAKey> keys = usableKeys();
          if (keys.stream().noneMatch(k -> k.getKeyUse() == KeyUse.SIGNATURE && isActive(k))) {
            jdbc.sql("select pg_advisory_xact_lock(?)")
                .param(INITIAL_KEY_LOCK)
                .query()
                .listOfRows();
            keys = usableKeys();
            if (keys.stream().noneMatch(this::isActive)) {
              insertNewKey();
              keys = usableKeys();
            }
          }
          RSAKey signing = keys.stream().filter(this::isActive).findFirst().orElseThrow();
          return new Snapshot(signing, new JWKSet(List.copyOf(keys)), clock.instant());
        });
  }

  private boolean isActive(RSAKey key) {
    return key.getExpirationTime() == null;
  }

  /** Active first (newest first), then retired keys still inside the retention window. */
  private List<RSAKey> usableKeys() {
    Instant oldestRetirement = clock.instant().minus(retention);
    return jdbc.sql(
            "select private_key, retired_at from signing_keys"
                + " where retired_at is null or retired_at > ?"
                + " order by (retired_at is null) desc, created_at desc")
        .param(java.sql.Timestamp.from(oldestRetirement))
        .query(
            (rs, n) -> {
              java.sql.Timestamp retired = rs.getTimestamp("retired_at");
              RSAKey key = parse(rs.getString("private_key"));
              return retired == null
                  ? key
                  : new RSAKey.Builder(key)
                      .expirationTime(java.util.Date.from(retired.toInstant().plus(retention)))
                      .build();
            })
        .list();
  }

  private RSAKey insertNewKey() {
    try {
      RSAKey key =
          new RSAKeyGenerator(KEY_BITS)
              .keyID(UUID.randomUUID().toString())
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .generate();
      jdbc.sql(
              "insert into signing_keys (kid, private_key, public_jwk, created_at) values (?, ?, ?, ?)")
          .params(
              key.getKeyID(),
              key.toJSONString(),
              key.toPublicJWK().toJSONString(),
              java.sql.Timestamp.from(clock.instant()))
          .update();
      return key;
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not generate an RSA signing key", e);
    }
  }

  private static RSAKey parse(String json) {
    try {
      return RSAKey.parse(json);
    } catch (ParseException e) {
      throw new IllegalStateException("A stored signing key is unreadable", e);
    }
  }
}
