package io.minxin.metrics.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minxin.demo.DemoMonth;
import io.minxin.events.Accepted;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.EventType;
import io.minxin.events.Merged;
import io.minxin.events.Satisfaction;
import io.minxin.events.Supervised;
import io.minxin.events.Visited;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.Indicator;
import io.minxin.events.decision.PushbackRuling.Verdict;
import io.minxin.events.state.Counts;
import io.minxin.events.state.ExcludedCase;
import io.minxin.metrics.casestate.CaseFolder;
import io.minxin.metrics.testing.Decisions;
import io.minxin.metrics.unitrates.Contribution;
import io.minxin.metrics.unitrates.Share;
import io.minxin.metrics.unitrates.Tally;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The binary values of the stores and the repartition topic read back exactly what was written. */
class BinaryValuesTest {

    @Test
    void everyDemoCaseHistoryReadsBackEqual() {
        // the history holds the events that are folded: dispatches, sign-ins and extension decisions among them
        List<CaseEvent> events = DemoMonth.generate().caseEvents().stream()
                .filter(event -> CaseFolder.folds(event.type()))
                .toList();
        assertThat(events).extracting(CaseEvent::type).contains(EventType.CASE_ASSIGNED, EventType.CASE_SIGNED);

        assertThat(roundTripHistory(events)).isEqualTo(events);
    }

    @Test
    void absentFieldsNonAsciiTextAndNanosecondsSurvive() {
        Instant at = Instant.parse("2020-09-30T15:59:59.123456789Z");
        Accepted accepted = new Accepted("614418", "u", null, Channel.WEB, "占道经营，噪音扰民", null, at, null, null);
        List<CaseEvent> events = List.of(
                new CaseEvent("e1", "/platform/p", EventType.CASE_ACCEPTED, null, accepted),
                CaseEvent.of("e2", "/platform/p", new Visited("614418", null, null, true, at.minusSeconds(86_400))));

        assertThat(roundTripHistory(events)).isEqualTo(events);
    }

    @Test
    void givenMergesThenEveryFieldReadsBackAndTheEntryCodeIsTen() {
        Instant at = Instant.parse("2020-09-30T15:59:59.123456789Z");
        CaseEvent merged = new CaseEvent(
                "614419-me",
                "/platform/p",
                EventType.CASE_MERGED,
                at.plusSeconds(1),
                new Merged("614419", "614418", "u-01", "同一诉求人重复来电", at));
        CaseEvent withoutUnitOrReason =
                CaseEvent.of("614420-me", "/platform/p", new Merged("614420", "614418", null, null, at));

        assertThat(roundTripHistory(List.of(merged, withoutUnitOrReason))).containsExactly(merged, withoutUnitOrReason);
        byte[] history = CaseHistoryCodec.append(null, merged);
        // format, entry length, then the entry's code: append-only, a stored history must read the same forever
        assertThat(history[2]).isEqualTo((byte) 10);
        assertThat(CaseHistoryCodec.countUnlessRepeated(history, merged)).isEqualTo(-1);
    }

    @Test
    void givenSupervisionsThenEveryFieldReadsBackAndTheEntryCodeIsEleven() {
        Instant at = Instant.parse("2020-09-30T15:59:59.123456789Z");
        CaseEvent supervised = CaseEvent.of(
                "614419-su",
                "/platform/p",
                new Supervised("614419", "u-01", "市政府督查室", "群众多次来电", at.plusSeconds(86_400), at));
        CaseEvent bare =
                CaseEvent.of("614420-su", "/platform/p", new Supervised("614420", "u-02", null, null, null, at));

        assertThat(roundTripHistory(List.of(supervised, bare))).containsExactly(supervised, bare);
        byte[] history = CaseHistoryCodec.append(null, supervised);
        // format, entry length, then the entry's code: append-only, a stored history must read the same forever
        assertThat(history[2]).isEqualTo((byte) 11);
    }

    @Test
    void anUnknownFormatOrATruncatedValueIsASerializationError() {
        byte[] bytes = CaseHistoryCodec.write(DemoMonth.generate().caseEvents().subList(0, 3));
        byte[] otherFormat = bytes.clone();
        otherFormat[0] = '[';

        assertThatThrownBy(() -> CaseHistoryCodec.read(otherFormat))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("format");
        assertThatThrownBy(() -> CaseHistoryCodec.read(Arrays.copyOf(bytes, bytes.length - 5)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void eventsAppendedOneByOneReadBackAsTheHistoryAndRepeatsAreFound() {
        List<CaseEvent> events = DemoMonth.generate().caseEvents().subList(0, 5);
        byte[] history = null;
        for (int i = 0; i < events.size(); i++) {
            assertThat(CaseHistoryCodec.countUnlessRepeated(history, events.get(i)))
                    .isEqualTo(i);
            history = CaseHistoryCodec.append(history, events.get(i));
        }

        assertThat(CaseHistoryCodec.read(history)).isEqualTo(events);
        assertThat(CaseHistoryCodec.countUnlessRepeated(history, events.get(3))).isEqualTo(-1);
        CaseEvent sameIdOtherSource = new CaseEvent(
                events.get(3).id(),
                "/platform/other",
                events.get(3).type(),
                null,
                events.get(3).data());
        assertThat(CaseHistoryCodec.countUnlessRepeated(history, sameIdOtherSource))
                .isEqualTo(5);
    }

    @Test
    void aHistoryOfTheCountedFormatIsReadAndAppendedTo() {
        List<CaseEvent> events = DemoMonth.generate().caseEvents().subList(0, 3);
        byte[] appendable = CaseHistoryCodec.write(events.subList(0, 2));
        Binary.Writer counted =
                new Binary.Writer(appendable.length).writeByte(1).writeVarInt(2);
        Binary.Reader in = new Binary.Reader(appendable, 1);
        while (!in.atEnd()) {
            int length = in.readVarInt();
            for (int b = 0; b < length; b++) {
                counted.writeByte(in.readByte());
            }
        }
        byte[] formatOne = counted.toByteArray();

        assertThat(CaseHistoryCodec.read(formatOne)).isEqualTo(events.subList(0, 2));
        assertThat(CaseHistoryCodec.countUnlessRepeated(formatOne, events.get(1)))
                .isEqualTo(-1);
        assertThat(CaseHistoryCodec.read(CaseHistoryCodec.append(formatOne, events.get(2))))
                .isEqualTo(events);
    }

    @Test
    void contributionsChangesAndTalliesReadBackEqual() {
        Map<String, Share> shares = new LinkedHashMap<>();
        shares.put("a|PHONE|2020-09", new Share("兴隆台街道", new Counts(1, 1, 0, 1, 1, 0, 2, 1)));
        shares.put("a|PHONE|2020-09-01", new Share(null, new Counts(-1, 0, 0, 0, 0, 0, -3, Long.MIN_VALUE)));
        // every count its own value, so a field written or read in the wrong place shows
        shares.put(
                "b|WEB|2020-09",
                new Share("供水所", new Counts(1, 2, 3, 4, 5, 6, 7, 8, null, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18)));
        Contribution contribution = new Contribution(shares);
        Tally tally = new Tally("兴隆台街道", new Counts(Long.MAX_VALUE, 0, 0, 0, 0, 0, 0, -1), 42);

        assertThat(roundTrip(new BinarySerdes.ContributionSerde(), contribution))
                .isEqualTo(contribution);
        assertThat(roundTrip(new BinarySerdes.ContributionSerde(), Contribution.NONE))
                .isEqualTo(Contribution.NONE);
        assertThat(roundTrip(new BinarySerdes.ShareSerde(), shares.get("a|PHONE|2020-09-01")))
                .isEqualTo(shares.get("a|PHONE|2020-09-01"));
        assertThat(roundTrip(new BinarySerdes.TallySerde(), tally)).isEqualTo(tally);
        assertThat(roundTrip(new BinarySerdes.TallySerde(), Tally.EMPTY)).isEqualTo(Tally.EMPTY);
    }

    @Test
    void givenDecisionsBetweenTheEventsThenTheHistoryReadsBackBothAndFindsRepeatsOfEach() {
        List<CaseEvent> events = DemoMonth.generate().caseEvents().subList(0, 2);
        Decisions d = new Decisions(events.get(0).key());
        Decision excluded = d.exclude("d1", "2020-10-05T09:00:00", Indicator.SATISFACTION_RATE);
        Decision ruling = d.ruling("r1", "2020-10-05T09:00:00", Verdict.REASSIGNED, "a", "b");

        byte[] history = CaseHistoryCodec.append(null, excluded);
        history = CaseHistoryCodec.append(history, events.get(0));
        history = CaseHistoryCodec.append(history, ruling);

        assertThat(CaseHistoryCodec.readHistory(history))
                .isEqualTo(new CaseHistoryCodec.History(List.of(events.get(0)), List.of(excluded, ruling)));
        assertThat(CaseHistoryCodec.countUnlessRepeated(history, ruling)).isEqualTo(-1);
        assertThat(CaseHistoryCodec.countUnlessRepeated(history, events.get(0))).isEqualTo(-1);
        assertThat(CaseHistoryCodec.countUnlessRepeated(history, events.get(1))).isEqualTo(3);
        assertThat(CaseHistoryCodec.countUnlessRepeated(history, d.exclude("d2", "2020-10-05T09:00:00")))
                .isEqualTo(3);
    }

    @Test
    void givenExcludedPartsAndListedExclusionsThenSharesTalliesAndContributionsReadBackEqual() {
        ExcludedCase listed = new ExcludedCase(
                "614418",
                List.of(Indicator.SATISFACTION_RATE, Indicator.RETURNS),
                "申诉成立：回访对象非诉求人",
                "d1",
                Instant.parse("2020-10-05T01:00:00Z"),
                "dispute-1");
        Counts counts = new Counts(1, 1, 0, 1, 0, 0, 2, 1)
                .excluding(new Counts.Excluded(
                        new Counts.Part(1, 1), null, new Counts.Part(0, 1), new Counts.Part(-1, -1), 2));
        Share share = new Share("兴隆台街道", counts, new Share.CaseExclusions("614418", List.of(listed)));
        Share removal = new Share(null, Counts.NONE, new Share.CaseExclusions("614418", List.of()));
        Tally tally = new Tally("兴隆台街道", counts, 7, List.of(listed));

        assertThat(roundTrip(new BinarySerdes.ShareSerde(), share)).isEqualTo(share);
        assertThat(roundTrip(new BinarySerdes.ShareSerde(), removal)).isEqualTo(removal);
        assertThat(roundTrip(new BinarySerdes.TallySerde(), tally)).isEqualTo(tally);
        Contribution contribution = new Contribution(Map.of("a|PHONE|2020-09", share));
        assertThat(roundTrip(new BinarySerdes.ContributionSerde(), contribution))
                .isEqualTo(contribution);
    }

    @Test
    void givenAValueOfFormatOneThenItStillReads() {
        // a tally as format 1 wrote it: format, unitName, eight counts, version
        Binary.Writer formatOne = new Binary.Writer(16).writeByte(1).writeString("街道");
        for (long count : new long[] {3, 2, 1, 1, 1, 0, 1, 0}) {
            formatOne.writeVarLong(count);
        }
        formatOne.writeVarLong(9);

        Tally tally = new BinarySerdes.TallySerde().deserializer().deserialize("t", formatOne.toByteArray());

        assertThat(tally).isEqualTo(new Tally("街道", new Counts(3, 2, 1, 1, 1, 0, 1, 0), 9));
    }

    @Test
    void givenAShareOfFormatFiveThenItReadsWithTheCountsAddedSinceZero() {
        // a share as format 5 wrote it: eight counts, no excluded parts, no exclusions, handling, sign-in, followedUp
        Binary.Writer formatFive = new Binary.Writer(32).writeByte(5).writeString("街道");
        for (long count : new long[] {3, 2, 1, 1, 1, 0, 1, 0}) {
            formatFive.writeVarLong(count);
        }
        formatFive.writeBoolean(false).writeBoolean(false);
        for (long count : new long[] {4, 1, 0, 2, 1, 1}) {
            formatFive.writeVarLong(count);
        }

        Share share = new BinarySerdes.ShareSerde().deserializer().deserialize("s", formatFive.toByteArray());

        assertThat(share.counts()).isEqualTo(new Counts(3, 2, 1, 1, 1, 0, 1, 0, null, 4, 1, 0, 2, 1, 1));
    }

    @Test
    void satisfactionAndChannelKeepTheirMeaning() {
        for (Satisfaction satisfaction : Satisfaction.values()) {
            CaseEvent visit = CaseEvent.of(
                    "v", "/p", new Visited("1", "u", satisfaction, false, Instant.parse("2020-09-01T00:00:00Z")));
            assertThat(roundTripHistory(List.of(visit))).containsExactly(visit);
        }
    }

    private static List<CaseEvent> roundTripHistory(List<CaseEvent> events) {
        return CaseHistoryCodec.read(CaseHistoryCodec.write(events));
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
