package dev.kiln.platform.identity;

import java.util.UUID;

/**
 * The authenticated caller, as {@code @AuthenticationPrincipal} in any controller.
 *
 * @param id never null
 * @param email normalized, never null
 * @param admin a platform admin (separate from any org role)
 */
public record CurrentUser(UUID id, String email, String name, boolean admin) {}
