package io.minxin.console.api;

import io.minxin.events.Channel;
import java.time.Instant;

/**
 * A notice as notice-service lists it ({@code GET /api/v1/notices}): an alert, a 提示函, a missed target or the
 * issued bulletin.
 *
 * @param type PUSHBACK_ALERT, PUSHBACK_CONFIRMED, TARGET_MISSED, TARGET_FORECAST, DUTY_LETTER or BULLETIN_ISSUED
 * @param occurredAt when the fact that raised it happened
 */
public record Notice(
        String id,
        String type,
        String period,
        String unitId,
        String unitName,
        String caseId,
        Channel channel,
        String title,
        String text,
        Instant occurredAt) {}
