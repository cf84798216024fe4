/**
 * The audit trail: every operator action (period close, revision publish, policy change, key issue and revoke,
 * subscription create and delete, bulletin issue) as an {@link io.minxin.events.audit.AuditEntry} on topic
 * {@code audit} (key: the target, delete policy, infinite retention), written by the service where the action
 * happened before it answers, and projected by notice-service for {@code GET /api/v1/audit}.
 */
package io.minxin.events.audit;
