package io.minxin.intake.events;

import io.minxin.events.Accepted;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.EventType;
import java.util.Arrays;
import tools.jackson.databind.JsonNode;

/**
 * What an item is counted under in the metrics. Values outside the contract collapse to {@link #UNKNOWN} or
 * {@link #NONE} so that bad input cannot create new time series.
 */
record EventLabels(String type, String channel, String source) {
    static final String UNKNOWN = "unknown";
    static final String NONE = "none";
    static final EventLabels UNREADABLE = new EventLabels(UNKNOWN, NONE, UNKNOWN);

    private static final int SOURCE_MAX = 256;

    static EventLabels of(CaseEvent event) {
        String channel = event.data() instanceof Accepted accepted && accepted.channel() != null
                ? accepted.channel().name()
                : NONE;
        return new EventLabels(event.type().ceType(), channel, event.source());
    }

    /** Labels of an item that failed validation: whatever of it is recognisable. */
    static EventLabels of(JsonNode item) {
        if (item == null || !item.isObject()) {
            return UNREADABLE;
        }
        String type = EventType.fromCeType(text(item.get("type")))
                .map(EventType::ceType)
                .orElse(UNKNOWN);
        String channelText = text(item.path("data").get("channel"));
        String channel = Arrays.stream(Channel.values())
                .map(Channel::name)
                .filter(name -> name.equals(channelText))
                .findFirst()
                .orElse(NONE);
        String source = text(item.get("source"));
        boolean sourceUsable = source != null && !source.isBlank() && source.length() <= SOURCE_MAX;
        return new EventLabels(type, channel, sourceUsable ? source : UNKNOWN);
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }
}
