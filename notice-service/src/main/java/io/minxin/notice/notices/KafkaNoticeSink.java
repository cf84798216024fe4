package io.minxin.notice.notices;

import io.minxin.events.notice.Notice;
import java.nio.charset.StandardCharsets;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.core.annotation.Order;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Publishes each new notice on topic {@code notices}, key noticeId, value the notice JSON. */
@Component
@Order(2)
class KafkaNoticeSink implements NoticeSink {
    /** The output binding; its destination is the topic {@code notices} (application.yml). */
    static final String BINDING = "notices-out-0";

    private final StreamBridge streamBridge;

    KafkaNoticeSink(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    @Override
    public Mono<Void> accept(Notice notice) {
        Message<byte[]> message = MessageBuilder.withPayload(NoticeJson.toBytes(notice))
                .setHeader(KafkaHeaders.KEY, notice.id().getBytes(StandardCharsets.UTF_8))
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .build();
        // The binding is synchronous (producer.sync), so send blocks until the broker acknowledged it.
        return Mono.fromCallable(() -> streamBridge.send(BINDING, message))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(sent -> sent
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("notice " + notice.id() + " was not published")));
    }
}
