package io.minxin.metrics.api;

/**
 * What the read API was asked about does not exist: a case no event named, a unit never seen in any event, or a
 * period (other than the current one) without any unit metrics. Answered 404 not-found.
 */
class NotFound extends RuntimeException {
    NotFound(String detail) {
        super(detail, null, false, false);
    }
}
