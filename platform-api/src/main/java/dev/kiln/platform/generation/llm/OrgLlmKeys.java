package dev.kiln.platform.generation.llm;

import dev.kiln.platform.tenancy.TenantContext;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orgs' own provider keys, encrypted at rest ({@link KeyCipher}). Every method runs in its own
 * transaction in the org's tenant scope, so it works from a request and from a worker alike. The
 * key itself only ever leaves as an {@link Endpoint} for the gateway.
 */
@Component
class OrgLlmKeys {

  /**
   * What an owner sees: nothing derived from the key.
   *
   * @param baseUrl null means the platform's
   * @param model null means the platform's
   */
  record KeyView(boolean configured, String baseUrl, String model, Instant updatedAt) {
    static final KeyView NONE = new KeyView(false, null, null, null);
  }

  /** A stored row, still encrypted. */
  private record Row(byte[] sealed, String keyId, String baseUrl, String model) {}

  private static final Logger log = LoggerFactory.getLogger(OrgLlmKeys.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final TransactionTemplate readOnly;
  private final KeyCipher cipher;
  private final LlmSettings settings;

  OrgLlmKeys(JdbcClient jdbc, PlatformTransactionManager transactions, LlmSettings settings) {
    this.jdbc = jdbc;
    // a transaction of its own, so the org's scope applies even when a caller's is open
    this.tx = new TransactionTemplate(transactions);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.readOnly.setReadOnly(true);
    this.cipher = KeyCipher.fromSetting(settings.keyEncryptionKey());
    this.settings = settings;
  }

  /** Whether keys can be stored at all (a key-encryption key is configured). */
  boolean storageEnabled() {
    return cipher != null;
  }

  KeyView view(UUID org) {
    return inOrg(
        org,
        readOnly,
        () ->
            jdbc.sql("select base_url, model, updated_at from org_llm_keys where org_id = ?")
                .param(org)
                .query(
                    (rs, n) ->
                        new KeyView(
                            true,
                            rs.getString(1),
                            rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant()))
                .optional()
                .orElse(KeyView.NONE));
  }

  /**
   * Stores (or replaces) the org's key; {@code baseUrl} and {@code model} may be null.
   *
   * @throws LlmProblems.KeyStorageDisabled when no key-encryption key is configured
   */
  KeyView store(UUID org, UUID by, String apiKey, String baseUrl, String model) {
    if (cipher == null) {
      throw new LlmProblems.KeyStorageDisabled();
    }
    byte[] sealed = cipher.encrypt(org, apiKey);
    inOrg(
        org,
        tx,
        () ->
            jdbc.sql(
                    "insert into org_llm_keys"
                        + " (org_id, api_key_encrypted, key_id, base_url, model, updated_by)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (org_id) do update set"
                        + " api_key_encrypted = excluded.api_key_encrypted,"
                        + " key_id = excluded.key_id, base_url = excluded.base_url,"
                        + " model = excluded.model, updated_by = excluded.updated_by,"
                        + " updated_at = now()")
                .params(org, sealed, cipher.keyId(), baseUrl, model, by)
                .update());
    log.info("LLM key of org {} stored by {}", org, by);
    return view(org);
  }

  /** Removes the org's key; true when there was one. Idempotent. */
  boolean delete(UUID org) {
    int removed =
        inOrg(
            org,
            tx,
            () -> jdbc.sql("delete from org_llm_keys where org_id = ?").param(org).update());
    if (removed > 0) {
      log.info("LLM key of org {} removed", org);
    }
    return removed > 0;
  }

  boolean exists(UUID org) {
    return inOrg(
        org,
        readOnly,
        () ->
            jdbc.sql("select count(*) from org_llm_keys where org_id = ?")
                    .param(org)
                    .query(Long.class)
                    .single()
                > 0);
  }

  /**
   * The org's key as an endpoint (its base URL and model, else the platform's), or empty when it
   * has none.
   *
   * @throws LlmFailure when a key is stored but cannot be used
   */
  Optional<Endpoint> endpoint(UUID org) {
    Optional<Row> row =
        inOrg(
            org,
            readOnly,
            () ->
                jdbc.sql(
                        "select api_key_encrypted, key_id, base_url, model from org_llm_keys"
                            + " where org_id = ?")
                    .param(org)
                    .query(
                        (rs, n) ->
                            new Row(
                                rs.getBytes(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                    .optional());
    return row.map(r -> endpoint(org, r));
  }

  private Endpoint endpoint(UUID org, Row row) {
    String apiKey = decrypt(org, row);
    if (row.baseUrl() != null
        && !settings.allowPrivateBaseUrls()
        && BaseUrls.resolvesPrivately(URI.create(row.baseUrl()).getHost())) {
      throw new LlmFailure(
          LlmFailure.Kind.REJECTED,
          false,
          Usage.NONE,
          "Your organization's LLM base URL points at a private network address; an owner must"
              + " change it to a public provider.");
    }
    return new Endpoint(
        URI.create(row.baseUrl() == null ? settings.baseUrl() : row.baseUrl()),
        apiKey,
        row.model() == null ? settings.model() : row.model(),
        true);
  }

  private String decrypt(UUID org, Row row) {
    if (cipher == null || !cipher.keyId().equals(row.keyId())) {
      log.error(
          "LLM key of org {} was sealed with key-encryption key {}, the configured one is {}",
          org,
          row.keyId(),
          cipher == null ? "unset" : cipher.keyId());
      throw unreadable();
    }
    try {
      return cipher.decrypt(org, row.sealed());
    } catch (GeneralSecurityException e) {
      log.error("LLM key of org {} does not decrypt: altered or moved", org);
      throw unreadable();
    }
  }

  private static LlmFailure unreadable() {
    return new LlmFailure(
        LlmFailure.Kind.KEY_UNREADABLE,
        true,
        Usage.NONE,
        "Your organization's stored LLM key cannot be read (the platform's encryption key"
            + " changed); an owner must store it again.");
  }

  private static <T> T inOrg(UUID org, TransactionTemplate template, Supplier<T> work) {
    return TenantContext.callAs(org, () -> template.execute(status -> work.get()));
  }
}
