package io.minxin.intake.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InlineSendGuardTest {
    private final InlineSendGuard guard = new InlineSendGuard(1_000, Duration.ofMinutes(5));

    @Test
    void aTopicNeverAcknowledgedMayBlock() {
        assertThat(guard.nonBlocking("case-events", 100)).isFalse();
    }

    @Test
    void anAcknowledgementMakesItsTopicSafeButNotOthers() {
        acknowledged("case-events");

        assertThat(guard.nonBlocking("case-events", 100)).isTrue();
        assertThat(guard.nonBlocking("unit-activity", 100)).isFalse();
    }

    @Test
    void anAcknowledgementVouchesForLessThanHalfTheProducersMetadataIdleTime() {
        InlineSendGuard shortIdle = new InlineSendGuard(1_000, Duration.ofMillis(2));
        shortIdle.handedOver(100);
        shortIdle.done("case-events", 100, false);

        await().atMost(Duration.ofSeconds(1)).until(() -> !shortIdle.nonBlocking("case-events", 100));
    }

    @Test
    void aFailureMakesItsTopicUnsafeAgain() {
        acknowledged("case-events");
        guard.handedOver(100);
        guard.done("case-events", 100, true);

        assertThat(guard.nonBlocking("case-events", 100)).isFalse();
    }

    @Test
    void pendingBytesOverHalfTheBufferMayBlock() {
        acknowledged("case-events");
        guard.handedOver(450);

        assertThat(guard.nonBlocking("case-events", 50)).isTrue();
        assertThat(guard.nonBlocking("case-events", 51)).isFalse();
    }

    private void acknowledged(String topic) {
        guard.handedOver(100);
        guard.done(topic, 100, false);
    }
}
