package io.minxin.events;

/** Data of the four case lifecycle events. */
public interface CaseData {
    String caseId();

    /** The acting unit; may be null on a visit. */
    String unitId();
}
