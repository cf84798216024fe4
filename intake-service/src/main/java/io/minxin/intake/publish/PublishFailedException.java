package io.minxin.intake.publish;

/** The event log did not acknowledge a publication in time; a failed batch was aborted, so none of it is visible. */
public class PublishFailedException extends RuntimeException {
    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
