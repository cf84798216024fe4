package io.minxin.events;

/** A value that claims to be an event of the contract but is not. */
public class EventFormatException extends RuntimeException {
    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
