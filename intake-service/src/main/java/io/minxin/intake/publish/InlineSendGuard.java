package io.minxin.intake.publish;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Says when handing a record to the shared idempotent producer cannot block, so that the caller (a Netty event
 * loop) may do it itself instead of paying a thread hand-off per event. {@code KafkaProducer.send} blocks only
 * while it has no metadata for the record's topic (first use, an idle topic dropped after
 * {@code metadata.max.idle.ms}, a failing topic) and while its {@code buffer.memory} is used up. So a send counts
 * as safe when its topic was acknowledged recently (well within the time the producer keeps an idle topic's
 * metadata) and the bytes handed over and not yet acknowledged stay within half of the buffer. Any failure makes
 * the topic unknown again until the next acknowledgement.
 */
final class InlineSendGuard {
    /** Longest time an acknowledgement vouches for its topic's metadata. */
    static final Duration KNOWN_FOR = Duration.ofSeconds(60);

    private final Map<String, Long> knownUntil = new ConcurrentHashMap<>();
    private final AtomicLong pendingBytes = new AtomicLong();
    private final long maxPendingBytes;
    private final long knownForNanos;

    /**
     * @param bufferMemory the producer's {@code buffer.memory}
     * @param metadataMaxIdle the producer's {@code metadata.max.idle.ms}
     */
    InlineSendGuard(long bufferMemory, Duration metadataMaxIdle) {
        this.maxPendingBytes = bufferMemory / 2;
        Duration halfIdle = metadataMaxIdle.dividedBy(2);
        this.knownForNanos = (halfIdle.compareTo(KNOWN_FOR) < 0 ? halfIdle : KNOWN_FOR).toNanos();
    }

    /** Whether a send of {@code bytes} to {@code topic} can run on the calling thread without blocking it. */
    boolean nonBlocking(String topic, int bytes) {
        Long until = knownUntil.get(topic);
        return until != null && System.nanoTime() - until < 0 && pendingBytes.get() + bytes <= maxPendingBytes;
    }

    /** A record of {@code bytes} is being handed to the producer (on whichever thread). */
    void handedOver(int bytes) {
        pendingBytes.addAndGet(bytes);
    }

    /** The producer is done with a record handed over before: acknowledged, or failed when {@code failed}. */
    void done(String topic, int bytes, boolean failed) {
        pendingBytes.addAndGet(-bytes);
        if (failed) {
            knownUntil.remove(topic);
        } else {
            knownUntil.put(topic, System.nanoTime() + knownForNanos);
        }
    }
}
