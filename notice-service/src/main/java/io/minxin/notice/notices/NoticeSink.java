package io.minxin.notice.notices;

import io.minxin.events.notice.Notice;
import reactor.core.publisher.Mono;

/**
 * Where a newly stored notice goes next (the {@code notices} topic, the webhook outbox). Accepting the same
 * notice twice must be harmless: a notice whose fan-out was interrupted is fanned out again.
 */
public interface NoticeSink {
    Mono<Void> accept(Notice notice);
}
