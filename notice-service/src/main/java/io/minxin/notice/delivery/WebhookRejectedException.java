package io.minxin.notice.delivery;

/** The webhook answered, but not with success (non-2xx, or a robot's errcode other than 0). */
class WebhookRejectedException extends RuntimeException {
    WebhookRejectedException(String message) {
        super(message);
    }
}
