package io.minxin.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The five CloudEvents types of the contract, with the topic each is published on. */
public enum EventType {
    CASE_ACCEPTED("minxin.case.accepted", Accepted.class),
    CASE_RETURNED("minxin.case.returned", Returned.class),
    CASE_CONCLUDED("minxin.case.concluded", Concluded.class),
    CASE_VISITED("minxin.case.visited", Visited.class),
    UNIT_LOGIN("minxin.unit.login", UnitLogin.class);

    private final String ceType;
    private final Class<? extends EventData> dataClass;

    EventType(String ceType, Class<? extends EventData> dataClass) {
        this.ceType = ceType;
        this.dataClass = dataClass;
    }

    @JsonValue
    public String ceType() {
        return ceType;
    }

    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    public String topic() {
        return this == UNIT_LOGIN ? Topics.UNIT_ACTIVITY : Topics.CASE_EVENTS;
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    @JsonCreator
    static EventType ofCeType(String ceType) {
        return fromCeType(ceType).orElseThrow(() -> new IllegalArgumentException("unknown event type " + ceType));
    }
}
