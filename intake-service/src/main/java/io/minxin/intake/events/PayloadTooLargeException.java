package io.minxin.intake.events;

/** The body is over a size limit (bytes, or events in a batch); nothing of it is published. */
class PayloadTooLargeException extends RuntimeException {
    PayloadTooLargeException(String message) {
        super(message);
    }
}
