package io.minxin.metrics.codec;

import io.minxin.events.decision.Indicator;
import io.minxin.events.state.Counts;
import io.minxin.events.state.ExcludedCase;
import io.minxin.events.state.Rates;
import io.minxin.metrics.unitrates.Contribution;
import io.minxin.metrics.unitrates.Share;
import io.minxin.metrics.unitrates.Tally;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary serdes of the values only this service reads: the per-case contributions, the changes on the
 * repartition topic and the running tallies. Each value starts with a format byte, so a later layout can
 * be told apart: formats 1 (counts only) and 2 (adds the excluded parts of the counts and the exclusions listed, 剔除)
 * are still read, their handling counts as 0; format 3 added the handling counts ({@code handled},
 * {@code returnedCases}, {@code reopened}) after the exclusions listed; format 4 the sign-in counts
 * ({@code dispatched}, {@code signedOnTime}) after those (formats 1 to 3 read them as 0); format 5
 * {@code followedUp} after those (formats 1 to 4 read it as 0); format 6 the forwarding counts
 * ({@code forwarded}, {@code forwardedOnTime}) after that (formats 1 to 5 read them as 0); format 7
 * {@code supervised} after those (formats 1 to 6 read it as 0); format 8 (written now) {@code fedBack} after that
 * (formats 1 to 7 read it as 0).
 */
public final class BinarySerdes {
    /** Counts and the unit's name. */
    private static final int COUNTS_ONLY = 1;
    /** Besides: the excluded parts of the counts and the exclusions listed. */
    private static final int WITH_EXCLUSIONS = 2;
    /** Besides: the handling counts. */
    private static final int WITH_HANDLING = 3;
    /** Besides: the sign-in counts. */
    private static final int WITH_SIGN_IN = 4;
    /** Besides: the follow-up count. */
    private static final int WITH_FOLLOW_UP = 5;
    /** Besides: the forwarding counts. */
    private static final int WITH_FORWARDING = 6;
    /** Besides: the supervision count. */
    private static final int WITH_SUPERVISION = 7;
    /** Besides: the feedback count. */
    private static final int WITH_FEEDBACK = 8;
    /** The format written. */
    private static final int LATEST = WITH_FEEDBACK;

    /** Codes of the stored indicators, append-only: values must read the same if the enum changes order. */
    private static final Indicator[] INDICATORS = {
        Indicator.COMPLETION_RATE,
        Indicator.ON_TIME_RATE,
        Indicator.SATISFACTION_RATE,
        Indicator.EXCELLENT_RATE,
        Indicator.RETURNS
    };

    public static final class ShareSerde extends Serdes.WrapperSerde<Share> {
        public ShareSerde() {
            super(writing(BinarySerdes::writeShare, 48), reading(BinarySerdes::readShare));
        }
    }

    public static final class TallySerde extends Serdes.WrapperSerde<Tally> {
        public TallySerde() {
            super(
                    writing(
                            (out, tally) -> {
                                writeShare(out, new Share(tally.unitName(), tally.counts()));
                                out.writeVarLong(tally.version());
                                writeEntries(out, tally.exclusions());
                            },
                            64),
                    reading((in, format) -> {
                        Share share = readShare(in, format);
                        long version = in.readVarLong();
                        List<ExcludedCase> exclusions = format == COUNTS_ONLY ? List.of() : readEntries(in);
                        return new Tally(share.unitName(), share.counts(), version, exclusions);
                    }));
        }
    }

    public static final class ContributionSerde extends Serdes.WrapperSerde<Contribution> {
        public ContributionSerde() {
            super(
                    writing(
                            (out, contribution) -> {
                                out.writeVarInt(contribution.shares().size());
                                contribution.shares().forEach((bucket, share) -> {
                                    out.writeString(bucket);
                                    writeShare(out, share);
                                });
                            },
                            160),
                    reading((in, format) -> {
                        int size = in.readVarInt();
                        Map<String, Share> shares = new LinkedHashMap<>();
                        for (int i = 0; i < size; i++) {
                            shares.put(in.readString(), readShare(in, format));
                        }
                        return new Contribution(shares);
                    }));
        }
    }

    private static void writeShare(Binary.Writer out, Share share) {
        Counts c = share.counts();
        out.writeString(share.unitName())
                .writeVarLong(c.received())
                .writeVarLong(c.concluded())
                .writeVarLong(c.concludedOnTime())
                .writeVarLong(c.visited())
                .writeVarLong(c.satisfied())
                .writeVarLong(c.excellent())
                .writeVarLong(c.returns())
                .writeVarLong(c.pushbacks());
        Counts.Excluded excluded = c.excluded();
        out.writeBoolean(excluded != null);
        if (excluded != null) {
            for (String rate : Rates.NAMES) {
                Counts.Part part = excluded.of(rate);
                out.writeVarLong(part.numerator()).writeVarLong(part.denominator());
            }
            out.writeVarLong(excluded.returns());
        }
        Share.CaseExclusions exclusions = share.exclusions();
        out.writeBoolean(exclusions != null);
        if (exclusions != null) {
            out.writeString(exclusions.caseId());
            writeEntries(out, exclusions.entries());
        }
        out.writeVarLong(c.handled()).writeVarLong(c.returnedCases()).writeVarLong(c.reopened());
        out.writeVarLong(c.dispatched()).writeVarLong(c.signedOnTime());
        out.writeVarLong(c.followedUp());
        out.writeVarLong(c.forwarded()).writeVarLong(c.forwardedOnTime());
        out.writeVarLong(c.supervised());
        out.writeVarLong(c.fedBack());
    }

    private static Share readShare(Binary.Reader in, int format) {
        String unitName = in.readString();
        long[] counts = new long[8];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = in.readVarLong();
        }
        Counts.Excluded excluded = null;
        Share.CaseExclusions exclusions = null;
        if (format != COUNTS_ONLY) {
            if (in.readBoolean()) {
                Counts.Part[] parts = new Counts.Part[Rates.NAMES.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = new Counts.Part(in.readVarLong(), in.readVarLong());
                }
                excluded = new Counts.Excluded(parts[0], parts[1], parts[2], parts[3], in.readVarLong());
            }
            if (in.readBoolean()) {
                exclusions = new Share.CaseExclusions(in.readString(), readEntries(in));
            }
        }
        long[] handling = new long[3];
        if (format >= WITH_HANDLING) {
            for (int i = 0; i < handling.length; i++) {
                handling[i] = in.readVarLong();
            }
        }
        long[] signIn = new long[2];
        if (format >= WITH_SIGN_IN) {
            for (int i = 0; i < signIn.length; i++) {
                signIn[i] = in.readVarLong();
            }
        }
        long followedUp = format >= WITH_FOLLOW_UP ? in.readVarLong() : 0;
        long[] forwarding = new long[2];
        if (format >= WITH_FORWARDING) {
            for (int i = 0; i < forwarding.length; i++) {
                forwarding[i] = in.readVarLong();
            }
        }
        long supervised = format >= WITH_SUPERVISION ? in.readVarLong() : 0;
        long fedBack = format >= WITH_FEEDBACK ? in.readVarLong() : 0;
        return new Share(
                unitName,
                new Counts(
                        counts[0],
                        counts[1],
                        counts[2],
                        counts[3],
                        counts[4],
                        counts[5],
                        counts[6],
                        counts[7],
                        excluded,
                        handling[0],
                        handling[1],
                        handling[2],
                        signIn[0],
                        signIn[1],
                        followedUp,
                        forwarding[0],
                        forwarding[1],
                        supervised,
                        fedBack),
                exclusions);
    }

    private static void writeEntries(Binary.Writer out, List<ExcludedCase> entries) {
        out.writeVarInt(entries.size());
        for (ExcludedCase entry : entries) {
            out.writeString(entry.caseId()).writeVarInt(entry.indicators().size());
            entry.indicators().forEach(indicator -> out.writeCode(indicator, INDICATORS));
            out.writeString(entry.reason())
                    .writeString(entry.decisionId())
                    .writeInstant(entry.decidedAt())
                    .writeString(entry.disputeId());
        }
    }

    private static List<ExcludedCase> readEntries(Binary.Reader in) {
        int size = in.readVarInt();
        List<ExcludedCase> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String caseId = in.readString();
            int indicatorCount = in.readVarInt();
            List<Indicator> indicators = new ArrayList<>(indicatorCount);
            for (int j = 0; j < indicatorCount; j++) {
                indicators.add(in.readCode(INDICATORS));
            }
            entries.add(new ExcludedCase(
                    caseId, indicators, in.readString(), in.readString(), in.readInstant(), in.readString()));
        }
        return entries;
    }

    private static <T> Serializer<T> writing(BiConsumer<Binary.Writer, T> write, int capacity) {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            Binary.Writer out = new Binary.Writer(capacity).writeByte(LATEST);
            write.accept(out, value);
            return out.toByteArray();
        };
    }

    private static <T> Deserializer<T> reading(BiFunction<Binary.Reader, Integer, T> read) {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            Binary.Reader in = new Binary.Reader(bytes, 0);
            int format = in.readByte();
            if (format < COUNTS_ONLY || format > LATEST) {
                throw new SerializationException("unknown value format " + format);
            }
            T value = read.apply(in, format);
            if (!in.atEnd()) {
                throw new SerializationException("trailing bytes in a value of " + bytes.length + " bytes");
            }
            return value;
        };
    }

    private BinarySerdes() {}
}
