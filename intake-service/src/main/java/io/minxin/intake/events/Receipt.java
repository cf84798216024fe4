package io.minxin.intake.events;

import java.util.List;

/** Answer to an accepted request: Kafka acknowledged every one of these events. */
record Receipt(int accepted, List<String> ids) {
    static Receipt of(IntakeBatch batch) {
        return new Receipt(batch.events().size(), batch.ids());
    }
}
