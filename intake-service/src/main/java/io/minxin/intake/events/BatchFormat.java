package io.minxin.intake.events;

/** How the items of a batch body are written. */
enum BatchFormat {
    /** A JSON array of CloudEvents ({@code application/cloudevents-batch+json}). */
    JSON_ARRAY,
    /** One CloudEvent per line ({@code application/x-ndjson}). */
    NDJSON,
    /** A header row, then one event per row ({@code text/csv}), see {@link io.minxin.events.EventCsv}. */
    CSV
}
