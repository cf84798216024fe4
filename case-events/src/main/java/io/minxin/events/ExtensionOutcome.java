package io.minxin.events;

/** How the platform decided a unit's request for more time (延期申请). */
public enum ExtensionOutcome {
    /** 同意延期: the handling deadline moves to the decision's {@code dueAt}. */
    APPROVED,
    /** 不同意延期: the deadline stays. */
    REFUSED
}
