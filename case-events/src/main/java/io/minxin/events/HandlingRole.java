package io.minxin.events;

/** What a dispatch makes of the target unit. */
public enum HandlingRole {
    /** 主办: the unit that answers for the case. */
    LEAD,
    /** 协办: a unit that helps the lead unit. */
    CO_HANDLING
}
