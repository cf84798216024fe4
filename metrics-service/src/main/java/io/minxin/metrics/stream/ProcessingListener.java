package io.minxin.metrics.stream;

/** Told what became of each record of case-events, for the operators' counters. */
public interface ProcessingListener {
    ProcessingListener NONE = outcome -> {};

    void processed(Outcome outcome);

    enum Outcome {
        /** A new event of its case: the case state was recomputed and published. */
        APPLIED,
        /** The same (source, id) was seen before: nothing changed. */
        DUPLICATE,
        /** Unreadable or not acceptable: sent to the dead-letter topic with the reason. */
        REJECTED
    }
}
