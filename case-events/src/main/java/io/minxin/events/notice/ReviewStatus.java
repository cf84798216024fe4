package io.minxin.events.notice;

/** Where a 较差件 candidate stands, as notice-service's review queue answers it. */
public enum ReviewStatus {
    /** waiting for an operator (review mode, no ruling yet) */
    PENDING,
    /** a 较差件 of the candidate unit: ruled so, or confirmed automatically */
    CONFIRMED,
    /** not a 较差件 */
    DISMISSED,
    /** a 较差件 of another unit the operator named */
    REASSIGNED
}
