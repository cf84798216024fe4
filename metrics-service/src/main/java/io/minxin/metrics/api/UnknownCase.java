package io.minxin.metrics.api;

/** No state for the case: no event of it was ever processed. */
class UnknownCase extends RuntimeException {
    UnknownCase(String caseId) {
        super("no case " + caseId, null, false, false);
    }
}
