package io.minxin.metrics.codec;

import io.minxin.events.state.Counts;
import io.minxin.metrics.unitrates.Contribution;
import io.minxin.metrics.unitrates.Share;
import io.minxin.metrics.unitrates.Tally;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary serdes of the values only this service reads: the per-case contributions, the changes on the
 * repartition topic and the running tallies. Each value starts with a format byte, so a later layout can
 * be told apart.
 */
public final class BinarySerdes {
    private static final int FORMAT = 1;

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
                            },
                            56),
                    reading(in -> {
                        Share share = readShare(in);
                        return new Tally(share.unitName(), share.counts(), in.readVarLong());
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
                    reading(in -> {
                        int size = in.readVarInt();
                        Map<String, Share> shares = new LinkedHashMap<>();
                        for (int i = 0; i < size; i++) {
                            shares.put(in.readString(), readShare(in));
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
    }

    private static Share readShare(Binary.Reader in) {
        String unitName = in.readString();
        return new Share(
                unitName,
                new Counts(
                        in.readVarLong(),
                        in.readVarLong(),
                        in.readVarLong(),
                        in.readVarLong(),
                        in.readVarLong(),
                        in.readVarLong(),
                        in.readVarLong(),
                        in.readVarLong()));
    }

    private static <T> Serializer<T> writing(BiConsumer<Binary.Writer, T> write, int capacity) {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            Binary.Writer out = new Binary.Writer(capacity).writeByte(FORMAT);
            write.accept(out, value);
            return out.toByteArray();
        };
    }

    private static <T> Deserializer<T> reading(Function<Binary.Reader, T> read) {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            Binary.Reader in = new Binary.Reader(bytes, 0);
            int format = in.readByte();
            if (format != FORMAT) {
                throw new SerializationException("unknown value format " + format);
            }
            T value = read.apply(in);
            if (!in.atEnd()) {
                throw new SerializationException("trailing bytes in a value of " + bytes.length + " bytes");
            }
            return value;
        };
    }

    private BinarySerdes() {}
}
