package dev.kiln.platform.generation.llm;

import dev.kiln.platform.identity.CurrentUser;
import dev.kiln.platform.tenancy.RequiresRole;
import dev.kiln.platform.tenancy.Role;
import dev.kiln.platform.web.FieldInvalid;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/orgs/{org}/llm-key}: owners store, inspect and remove the org's own provider key.
 * The key goes in and never comes out: reads say only whether one is set, where it points and when
 * it changed.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/llm-key")
class LlmKeyController {

  /** Printable ASCII without spaces, as provider keys are. */
  static final String API_KEY = "^[\\x21-\\x7E]{8,512}$";

  /**
   * Provider model names: {@code gpt-4o-mini}, {@code anthropic/claude-sonnet-4}, {@code
   * qwen2.5:7b}.
   */
  static final String MODEL = "^(|[A-Za-z0-9][A-Za-z0-9._:/@+\\-]{0,199})$";

  /**
   * @param baseUrl blank or absent means the platform's provider
   * @param model blank or absent means the platform's model
   */
  record KeyRequest(
      @NotNull(message = "is required")
          @Pattern(regexp = API_KEY, message = "must be 8 to 512 printable characters, no spaces")
          String apiKey,
      @Size(max = 500, message = "must be at most 500 characters") String baseUrl,
      @Pattern(regexp = MODEL, message = "must be a model name such as gpt-4o-mini") String model) {

    /** Never shows the key. */
    @Override
    public String toString() {
      return "KeyRequest[apiKey=***, baseUrl=" + baseUrl + ", model=" + model + "]";
    }
  }

  private final OrgLlmKeys keys;
  private final LlmSettings settings;

  LlmKeyController(OrgLlmKeys keys, LlmSettings settings) {
    this.keys = keys;
    this.settings = settings;
  }

  @RequiresRole(Role.OWNER)
  @GetMapping
  OrgLlmKeys.KeyView get(@PathVariable UUID org) {
    return keys.view(org);
  }

  @RequiresRole(Role.OWNER)
  @PutMapping
  OrgLlmKeys.KeyView put(
      @PathVariable UUID org,
      @AuthenticationPrincipal CurrentUser user,
      @Valid @RequestBody KeyRequest request) {
    if (!keys.storageEnabled()) {
      throw new LlmProblems.KeyStorageDisabled();
    }
    String baseUrl = blankToNull(request.baseUrl());
    if (baseUrl != null) {
      BaseUrls.problem(baseUrl, settings.allowPrivateBaseUrls())
          .ifPresent(
              problem -> {
                throw new FieldInvalid("baseUrl", problem);
              });
    }
    return keys.store(org, user.id(), request.apiKey(), baseUrl, blankToNull(request.model()));
  }

  @RequiresRole(Role.OWNER)
  @DeleteMapping
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID org) {
    keys.delete(org);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
