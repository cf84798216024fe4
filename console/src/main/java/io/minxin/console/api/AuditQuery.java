package io.minxin.console.api;

import java.time.Instant;

/**
 * The filters of {@code GET /api/v1/audit}, each optional but the limit: one actor (key id or username), one action
 * ({@code policy.change}), one target ({@code period:2020-09}), at or after {@code since}, before {@code until}.
 */
public record AuditQuery(String actor, String action, String target, Instant since, Instant until, int limit) {}
