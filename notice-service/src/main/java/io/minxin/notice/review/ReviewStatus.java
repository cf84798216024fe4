package io.minxin.notice.review;

/** Where a 较差件 candidate stands. */
public enum ReviewStatus {
    /** waiting for an operator (review mode, no ruling yet) */
    PENDING,
    /** a 较差件 of the candidate unit: ruled so, or confirmed automatically */
    CONFIRMED,
    /** not a 较差件 */
    DISMISSED,
    /** a 较差件 of another unit the operator named */
    REASSIGNED;

    /** Whether the case enters table 3 of the bulletin. */
    public boolean poorCase() {
        return this == CONFIRMED || this == REASSIGNED;
    }
}
