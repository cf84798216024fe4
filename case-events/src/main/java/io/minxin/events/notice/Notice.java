package io.minxin.events.notice;

import io.minxin.events.Channel;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One alert, letter or bulletin notice, as notice-service publishes it: the value on topic {@code notices}, the
 * generic webhook body and the item of {@code GET /api/v1/notices}, which the console reads. Everything in it is
 * derived from the facts that raised it, so the same facts give the same notice (same id, same content) on a replay
 * or on a second instance.
 *
 * @param id deterministic, e.g. {@code pushback-alert|614418|xlt-zhifa|UNIT_RETURNS}
 * @param period {@code YYYY-MM} the notice belongs to
 * @param unitId the unit concerned, null for a bulletin
 * @param unitName its full name when known
 * @param caseId the case concerned, null when the notice is not about one case
 * @param channel the channel concerned, null when not about one channel
 * @param title a one-line headline
 * @param text the full text for a person, in the wording of the bulletin
 * @param facts what the text was written from, by name (numbers, strings and lists of them)
 * @param occurredAt when the fact that raised the notice happened (not when it was processed)
 */
public record Notice(
        String id,
        NoticeType type,
        String period,
        String unitId,
        String unitName,
        String caseId,
        Channel channel,
        String title,
        String text,
        Map<String, Object> facts,
        Instant occurredAt) {

    public Notice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(occurredAt, "occurredAt");
        facts = facts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public static Builder builder(NoticeType type, String id, Instant occurredAt) {
        return new Builder(type, id, occurredAt);
    }

    /** Builds a notice field by field; facts keep the order in which they are added, null facts are left out. */
    public static final class Builder {
        private final NoticeType type;
        private final String id;
        private final Instant occurredAt;
        private final Map<String, Object> facts = new LinkedHashMap<>();
        private String period;
        private String unitId;
        private String unitName;
        private String caseId;
        private Channel channel;
        private String title;
        private String text;

        private Builder(NoticeType type, String id, Instant occurredAt) {
            this.type = type;
            this.id = id;
            this.occurredAt = occurredAt;
        }

        public Builder period(String period) {
            this.period = period;
            return this;
        }

        public Builder unit(String unitId, String unitName) {
            this.unitId = unitId;
            this.unitName = unitName;
            return this;
        }

        public Builder caseId(String caseId) {
            this.caseId = caseId;
            return this;
        }

        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder fact(String name, Object value) {
            if (value != null) {
                facts.put(name, value);
            }
            return this;
        }

        public Notice build() {
            return new Notice(id, type, period, unitId, unitName, caseId, channel, title, text, facts, occurredAt);
        }
    }
}
