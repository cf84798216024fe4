package io.minxin.events;

import java.time.Instant;

/** The {@code data} of a CloudEvent, one record per event type. */
public sealed interface EventData permits Accepted, Returned, Concluded, Visited, UnitLogin {
    Instant occurredAt();

    /** The Kafka key: caseId for case events, unitId for log-ins. */
    String key();
}
