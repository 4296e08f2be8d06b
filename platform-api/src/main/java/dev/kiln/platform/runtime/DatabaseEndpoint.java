package dev.kiln.platform.runtime;

/**
 * Where the database is and who may connect.
 *
 * @param jdbcUrl never null
 * @param ownerUser the schema owner (migrations)
 * @param ownerPassword may be null
 * @param description one human line for the start-up report
 */
record DatabaseEndpoint(
    String jdbcUrl, String ownerUser, String ownerPassword, String description) {}
