package io.minxin.metrics.codec;

import io.minxin.events.Accepted;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Concluded;
import io.minxin.events.EventData;
import io.minxin.events.EventType;
import io.minxin.events.Returned;
import io.minxin.events.Satisfaction;
import io.minxin.events.Visited;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The distinct events of one case as the history store holds them (its values are these bytes), in a compact
 * binary form: every event reads and extends its case's history, so JSON here would cost more than the rest of
 * the fold.
 */
public final class CaseHistoryCodec {
    /** Format 1: a count, then the events. */
    private static final int COUNTED = 1;
    /**
     * Format 2 (written now): the events one after another, each with its length in front, so that a new event is
     * appended to the stored bytes and a repeat is found by comparing ids and sources as bytes, without reading
     * the history into objects on every event.
     */
    private static final int APPENDABLE = 2;

    /** Codes of the stored constants, append-only: values must read the same if the enums change order. */
    private static final EventType[] TYPES = {
        EventType.CASE_ACCEPTED, EventType.CASE_RETURNED, EventType.CASE_CONCLUDED, EventType.CASE_VISITED
    };

    private static final Channel[] CHANNELS = {Channel.PHONE, Channel.WEB};
    private static final Satisfaction[] SATISFACTIONS = {
        Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED, Satisfaction.UNSATISFIED, Satisfaction.UNREACHABLE
    };

    static byte[] write(List<CaseEvent> events) {
        byte[] history = null;
        for (CaseEvent event : events) {
            history = append(history, event);
        }
        return history == null ? new byte[] {APPENDABLE} : history;
    }

    /** The stored history (null for none) with {@code event} after its last event, in format 2. */
    public static byte[] append(byte[] history, CaseEvent event) {
        byte[] stored = history == null || history.length == 0 ? new byte[] {APPENDABLE} : history;
        if (stored[0] != APPENDABLE) {
            stored = write(read(stored));
        }
        byte[] entry = entry(event);
        Binary.Writer length = new Binary.Writer(5).writeVarInt(entry.length);
        byte[] prefix = length.toByteArray();
        byte[] appended = Arrays.copyOf(stored, stored.length + prefix.length + entry.length);
        System.arraycopy(prefix, 0, appended, stored.length, prefix.length);
        System.arraycopy(entry, 0, appended, stored.length + prefix.length, entry.length);
        return appended;
    }

    /**
     * How many events the stored history holds (0 for null), or -1 when one of them has the same id and source
     * as {@code event}.
     */
    public static int countUnlessRepeated(byte[] history, CaseEvent event) {
        if (history == null || history.length == 0) {
            return 0;
        }
        if (history[0] != APPENDABLE) {
            List<CaseEvent> events = read(history);
            for (CaseEvent known : events) {
                if (known.id().equals(event.id()) && known.source().equals(event.source())) {
                    return -1;
                }
            }
            return events.size();
        }
        byte[] id = utf8(event.id());
        byte[] source = utf8(event.source());
        Binary.Reader in = new Binary.Reader(history, 1);
        int count = 0;
        while (!in.atEnd()) {
            int length = in.readVarInt();
            int end = in.position() + length;
            in.readVarInt(); // type code
            if (in.stringEquals(id) && in.stringEquals(source)) {
                return -1;
            }
            in.seek(end);
            count++;
        }
        return count;
    }

    private static byte[] entry(CaseEvent event) {
        Binary.Writer out = new Binary.Writer(192);
        out.writeCode(event.type(), TYPES)
                .writeString(event.id())
                .writeString(event.source())
                .writeInstant(event.time());
        writeData(out, event.data());
        return out.toByteArray();
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    public static List<CaseEvent> read(byte[] bytes) {
        try {
            return readBinary(bytes);
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new SerializationException("unreadable case history: " + e.getMessage(), e);
        }
    }

    private static List<CaseEvent> readBinary(byte[] bytes) {
        Binary.Reader in = new Binary.Reader(bytes, 0);
        int format = in.readByte();
        if (format == COUNTED) {
            int size = in.readVarInt();
            List<CaseEvent> events = new ArrayList<>(size + 1);
            for (int i = 0; i < size; i++) {
                events.add(readEvent(in));
            }
            if (!in.atEnd()) {
                throw new SerializationException("trailing bytes after " + size + " events of a case history");
            }
            return events;
        }
        if (format != APPENDABLE) {
            throw new SerializationException("unknown case history format " + format);
        }
        List<CaseEvent> events = new ArrayList<>(4);
        while (!in.atEnd()) {
            int length = in.readVarInt();
            int end = in.position() + length;
            events.add(readEvent(in));
            if (in.position() != end) {
                throw new SerializationException(
                        "event " + events.size() + " of a case history is not " + length + " bytes long");
            }
        }
        return events;
    }

    private static CaseEvent readEvent(Binary.Reader in) {
        EventType type = in.readCode(TYPES);
        if (type == null) {
            throw new SerializationException("case history event without a type");
        }
        String id = in.readString();
        String source = in.readString();
        return new CaseEvent(id, source, type, in.readInstant(), readData(in, type));
    }

    private static void writeData(Binary.Writer out, EventData data) {
        if (data instanceof Accepted) {
            Accepted a = (Accepted) data;
            out.writeString(a.caseId())
                    .writeString(a.unitId())
                    .writeString(a.unitName())
                    .writeCode(a.channel(), CHANNELS)
                    .writeString(a.title())
                    .writeString(a.category())
                    .writeInstant(a.occurredAt())
                    .writeInstant(a.dueAt())
                    .writeInstant(a.assignedAt());
        } else if (data instanceof Returned) {
            Returned r = (Returned) data;
            out.writeString(r.caseId())
                    .writeString(r.unitId())
                    .writeString(r.reason())
                    .writeInstant(r.occurredAt());
        } else if (data instanceof Concluded) {
            Concluded c = (Concluded) data;
            out.writeString(c.caseId())
                    .writeString(c.unitId())
                    .writeString(c.reply())
                    .writeInstant(c.occurredAt());
        } else if (data instanceof Visited) {
            Visited v = (Visited) data;
            out.writeString(v.caseId())
                    .writeString(v.unitId())
                    .writeCode(v.satisfaction(), SATISFACTIONS)
                    .writeBoolean(v.excellent())
                    .writeInstant(v.occurredAt());
        } else {
            throw new SerializationException(
                    "not a case event: " + data.getClass().getSimpleName());
        }
    }

    private static EventData readData(Binary.Reader in, EventType type) {
        switch (type) {
            case CASE_ACCEPTED:
                return new Accepted(
                        in.readString(),
                        in.readString(),
                        in.readString(),
                        in.readCode(CHANNELS),
                        in.readString(),
                        in.readString(),
                        in.readInstant(),
                        in.readInstant(),
                        in.readInstant());
            case CASE_RETURNED:
                return new Returned(in.readString(), in.readString(), in.readString(), in.readInstant());
            case CASE_CONCLUDED:
                return new Concluded(in.readString(), in.readString(), in.readString(), in.readInstant());
            case CASE_VISITED:
                return new Visited(
                        in.readString(),
                        in.readString(),
                        in.readCode(SATISFACTIONS),
                        in.readBoolean(),
                        in.readInstant());
            default:
                throw new SerializationException("not a case event type: " + type);
        }
    }

    private CaseHistoryCodec() {}
}
