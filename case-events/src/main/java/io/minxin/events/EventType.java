package io.minxin.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * The CloudEvents types of the contract, with the topic each is published on: {@code minxin.<subject>.<what
 * happened>}, the subject a case (topic case-events, key caseId) or a unit (topic unit-activity, key unitId). The first
 * five are what every producer sends; the others (dispatch, sign-in, extensions, supervision, re-handling, merges, the
 * unit directory) are optional: a platform sends those it has, and today's rates do not depend on them.
 */
public enum EventType {
    CASE_ACCEPTED("minxin.case.accepted", Accepted.class),
    CASE_RETURNED("minxin.case.returned", Returned.class),
    CASE_CONCLUDED("minxin.case.concluded", Concluded.class),
    CASE_VISITED("minxin.case.visited", Visited.class),
    UNIT_LOGIN("minxin.unit.login", UnitLogin.class),
    CASE_ASSIGNED("minxin.case.assigned", Assigned.class),
    CASE_SIGNED("minxin.case.signed", Signed.class),
    CASE_EXTENSION_REQUESTED("minxin.case.extension-requested", ExtensionRequested.class),
    CASE_EXTENSION_DECIDED("minxin.case.extension-decided", ExtensionDecided.class),
    CASE_SUPERVISED("minxin.case.supervised", Supervised.class),
    CASE_REOPENED("minxin.case.reopened", Reopened.class),
    CASE_MERGED("minxin.case.merged", Merged.class),
    UNIT_REGISTERED("minxin.unit.registered", UnitRegistered.class);

    private final String ceType;
    private final Class<? extends EventData> dataClass;
    private final boolean aboutCase;

    EventType(String ceType, Class<? extends EventData> dataClass) {
        this.ceType = ceType;
        this.dataClass = dataClass;
        this.aboutCase = CaseData.class.isAssignableFrom(dataClass);
    }

    @JsonValue
    public String ceType() {
        return ceType;
    }

    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    /**
     * Whether a platform may leave the type out (issue 18: dispatch, sign-in, extensions, supervision, re-handling,
     * merges, the unit directory): the five others are what every producer sends and today's rates are made of.
     */
    public boolean optional() {
        return ordinal() > UNIT_LOGIN.ordinal();
    }

    /** Whether the event is about a case (key caseId, topic case-events) rather than a unit. */
    public boolean aboutCase() {
        return aboutCase;
    }

    public String topic() {
        return aboutCase() ? Topics.CASE_EVENTS : Topics.UNIT_ACTIVITY;
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    @JsonCreator
    static EventType ofCeType(String ceType) {
        return fromCeType(ceType).orElseThrow(() -> new IllegalArgumentException("unknown event type " + ceType));
    }
}
