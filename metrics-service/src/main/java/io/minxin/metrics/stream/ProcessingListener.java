package io.minxin.metrics.stream;

/** Told what became of each record of case-events and of decisions, for the operators' counters. */
public interface ProcessingListener {
    ProcessingListener NONE = outcome -> {};

    void processed(Outcome outcome);

    /** What became of a record of {@code decisions}; by default nothing is told. */
    default void decided(DecisionOutcome outcome) {}

    enum Outcome {
        /** A new event of its case: the case state was recomputed and published. */
        APPLIED,
        /** The same (source, id) was seen before: nothing changed. */
        DUPLICATE,
        /**
         * A valid event of a type no count uses (dispatch, sign-in, extensions, supervision, re-handling, merge: {@link
         * io.minxin.metrics.casestate.CaseFolder#folds}): left alone, neither stored nor a dead letter.
         */
        IGNORED,
        /** Unreadable or not acceptable: sent to the dead-letter topic with the reason. */
        REJECTED
    }

    enum DecisionOutcome {
        /** A new 推诿 ruling or exclusion of its case: joined the case's history, the case is folded again. */
        APPLIED,
        /** A decision of that id was seen before: nothing changed. */
        DUPLICATE,
        /** A decision of a kind that does not change the numbers (disputes, bulletin, letters): left alone. */
        IGNORED,
        /**
         * Unreadable (or of a kind this version does not know), keyed by another case than it names, or beyond the
         * entries a case may hold: logged and skipped, never sent anywhere; the stream goes on.
         */
        SKIPPED
    }
}
