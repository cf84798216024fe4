package io.minxin.events;

import java.time.Instant;

/** The {@code data} of a CloudEvent, one record per event type. */
public sealed interface EventData
        permits Accepted,
                Returned,
                Concluded,
                Visited,
                UnitLogin,
                Assigned,
                Signed,
                ExtensionRequested,
                ExtensionDecided,
                Supervised,
                Reopened,
                Merged,
                UnitRegistered {
    Instant occurredAt();

    /** The Kafka key: caseId for case events, unitId for a unit's events. */
    String key();
}
