package dev.kiln.platform.identity;

import java.util.UUID;

/**
 * Published inside the sign-up transaction, so listeners that must hold for every user (a personal
 * org) commit or roll back with it.
 */
public record UserSignedUp(UUID userId, String name) {}
