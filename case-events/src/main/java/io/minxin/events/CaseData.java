package io.minxin.events;

/** Data of the case lifecycle events: the four the rates count, and the optional ones of dispatch and after. */
public interface CaseData {
    String caseId();

    /** The acting unit; may be null on a visit and a merge. */
    String unitId();
}
