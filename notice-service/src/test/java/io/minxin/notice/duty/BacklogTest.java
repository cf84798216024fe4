package io.minxin.notice.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ledger's offsets against a topic's ends, without a broker. */
class BacklogTest {
    @Test
    void givenEveryPartitionConsumedToItsEndThenNothingIsUnread() {
        Backlog backlog = Backlog.of(Map.of(0, 7L, 1, 3L), Map.of(0, 7L, 1, 3L));

        assertThat(backlog.none()).isTrue();
    }

    @Test
    void givenAnEmptyPartitionTheLedgerNeverSawThenNothingIsUnread() {
        Backlog backlog = Backlog.of(Map.of(0, 0L, 1, 4L), Map.of(1, 4L));

        assertThat(backlog.none()).isTrue();
    }

    @Test
    void givenALedgerShortOfAnEndThenThePartitionIsUnreadFromTheLedgersOffset() {
        // 5 and 6 may be a log-in and its transaction's marker, or only markers: reading tells
        Backlog backlog = Backlog.of(Map.of(0, 7L, 1, 3L), Map.of(0, 5L, 1, 3L));

        assertThat(backlog.unread()).containsExactly(Map.entry(0, 5L));
        assertThat(backlog.ahead()).isEmpty();
        assertThat(backlog.none()).isFalse();
    }

    @Test
    void givenAPartitionTheLedgerNeverSawOrOneAddedLaterThenItIsUnreadFromItsStart() {
        Backlog backlog = Backlog.of(Map.of(0, 7L, 1, 3L, 2, 1L), Map.of(0, 7L));

        assertThat(backlog.unread()).containsOnly(Map.entry(1, 0L), Map.entry(2, 0L));
    }

    @Test
    void givenALedgerPastAnEndThenThatPartitionCannotBeTold() {
        Backlog backlog = Backlog.of(Map.of(0, 2L, 1, 3L), Map.of(0, 9L, 1, 3L));

        assertThat(backlog.ahead()).containsExactly(0);
        assertThat(backlog.unread()).isEmpty();
        assertThat(backlog.none()).isFalse();
    }

    @Test
    void givenLedgerOffsetsOfPartitionsTheTopicDoesNotHaveThenTheyAreIgnored() {
        Backlog backlog = Backlog.of(Map.of(0, 2L), Map.of(0, 2L, 5, 40L));

        assertThat(backlog.none()).isTrue();
    }
}
