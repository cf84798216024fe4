package io.minxin.notice.disputes;

/** Where a dispute stands. */
public enum DisputeStatus {
    OPEN,
    /** upheld (申诉成立): the decisions it brought changed the numbers */
    ACCEPTED,
    REJECTED
}
