package io.minxin.archive;

/** Why an export or an import stopped, in words for the operator who ran it (the command prints the message). */
final class ArchiveException extends RuntimeException {
    ArchiveException(String message) {
        super(message);
    }

    ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
