package io.minxin.metrics.codec;

import io.minxin.events.Accepted;
import io.minxin.events.Assigned;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Concluded;
import io.minxin.events.EventData;
import io.minxin.events.EventJson;
import io.minxin.events.EventType;
import io.minxin.events.ExtensionDecided;
import io.minxin.events.ExtensionOutcome;
import io.minxin.events.HandlingRole;
import io.minxin.events.Merged;
import io.minxin.events.Reopened;
import io.minxin.events.Returned;
import io.minxin.events.Satisfaction;
import io.minxin.events.Signed;
import io.minxin.events.Supervised;
import io.minxin.events.Visited;
import io.minxin.events.decision.Decision;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import tools.jackson.core.JacksonException;

/**
 * The distinct events of one case, and the decisions about it, as the history store holds them (its values are these
 * bytes), in a compact binary form: every event reads and extends its case's history, so JSON here would cost more
 * than the rest of the fold. A decision is an entry of its own kind (code {@value #DECISION}): its id, then its JSON as
 * the contract writes it (decisions are few, and their JSON carries any kind a later contract adds).
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

    /** Entry code of a decision, after the codes of {@link #TYPES}. */
    private static final int DECISION = 5;

    /** Entry code of a re-handling ({@code minxin.case.reopened}), the first optional type folded. */
    private static final int REOPENED = 6;

    /** Entry codes of the optional types folded since: dispatch, sign-in, the decision on an extension. */
    private static final int ASSIGNED = 7;

    private static final int SIGNED = 8;
    private static final int EXTENSION_DECIDED = 9;

    /** Entry code of a merge (并单, {@code minxin.case.merged}). */
    private static final int MERGED = 10;

    /** Entry code of a supervision (督办, {@code minxin.case.supervised}). */
    private static final int SUPERVISED = 11;

    private static final HandlingRole[] ROLES = {HandlingRole.LEAD, HandlingRole.CO_HANDLING};
    private static final ExtensionOutcome[] OUTCOMES = {ExtensionOutcome.APPROVED, ExtensionOutcome.REFUSED};

    /** What the history store holds of one case. */
    public record History(List<CaseEvent> events, List<Decision> decisions) {}

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
        return appendEntry(history, entry(event));
    }

    private static byte[] appendEntry(byte[] history, byte[] entry) {
        byte[] stored = history == null || history.length == 0 ? new byte[] {APPENDABLE} : history;
        if (stored[0] != APPENDABLE) {
            stored = write(read(stored));
        }
        Binary.Writer length = new Binary.Writer(5).writeVarInt(entry.length);
        byte[] prefix = length.toByteArray();
        byte[] appended = Arrays.copyOf(stored, stored.length + prefix.length + entry.length);
        System.arraycopy(prefix, 0, appended, stored.length, prefix.length);
        System.arraycopy(entry, 0, appended, stored.length + prefix.length, entry.length);
        return appended;
    }

    /** The stored history (null for none) with {@code decision} after its last entry, in format 2. */
    public static byte[] append(byte[] history, Decision decision) {
        Binary.Writer entry = new Binary.Writer(512)
                .writeVarInt(DECISION)
                .writeString(decision.id())
                .writeString(EventJson.mapper().writeValueAsString(decision));
        return appendEntry(history, entry.toByteArray());
    }

    /**
     * How many entries (events and decisions) the stored history holds (0 for null), or -1 when it holds a decision
     * with the id of {@code decision}.
     */
    public static int countUnlessRepeated(byte[] history, Decision decision) {
        if (history == null || history.length == 0) {
            return 0;
        }
        if (history[0] != APPENDABLE) {
            return read(history).size();
        }
        byte[] id = utf8(decision.id());
        Binary.Reader in = new Binary.Reader(history, 1);
        int count = 0;
        while (!in.atEnd()) {
            int length = in.readVarInt();
            int end = in.position() + length;
            if (in.readVarInt() == DECISION && in.stringEquals(id)) {
                return -1;
            }
            in.seek(end);
            count++;
        }
        return count;
    }

    /**
     * How many entries (events and decisions) the stored history holds (0 for null), or -1 when one of its events
     * has the same id and source as {@code event}.
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
            if (in.readVarInt() != DECISION && in.stringEquals(id) && in.stringEquals(source)) {
                return -1;
            }
            in.seek(end);
            count++;
        }
        return count;
    }

    private static byte[] entry(CaseEvent event) {
        Binary.Writer out = new Binary.Writer(192);
        switch (event.type()) {
            case CASE_REOPENED -> out.writeVarInt(REOPENED);
            case CASE_ASSIGNED -> out.writeVarInt(ASSIGNED);
            case CASE_SIGNED -> out.writeVarInt(SIGNED);
            case CASE_EXTENSION_DECIDED -> out.writeVarInt(EXTENSION_DECIDED);
            case CASE_MERGED -> out.writeVarInt(MERGED);
            case CASE_SUPERVISED -> out.writeVarInt(SUPERVISED);
            default -> out.writeCode(event.type(), TYPES);
        }
        out.writeString(event.id()).writeString(event.source()).writeInstant(event.time());
        writeData(out, event.data());
        return out.toByteArray();
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    /** The events of a stored history, without its decisions. */
    public static List<CaseEvent> read(byte[] bytes) {
        return readHistory(bytes).events();
    }

    /** The events and the decisions of a stored history, each in the order they were stored. */
    public static History readHistory(byte[] bytes) {
        try {
            return readBinary(bytes);
        } catch (NullPointerException | IllegalArgumentException | JacksonException e) {
            throw new SerializationException("unreadable case history: " + e.getMessage(), e);
        }
    }

    private static History readBinary(byte[] bytes) {
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
            return new History(events, List.of());
        }
        if (format != APPENDABLE) {
            throw new SerializationException("unknown case history format " + format);
        }
        List<CaseEvent> events = new ArrayList<>(4);
        List<Decision> decisions = new ArrayList<>(0);
        while (!in.atEnd()) {
            int length = in.readVarInt();
            int end = in.position() + length;
            int code = in.readVarInt();
            if (code == DECISION) {
                in.readString(); // the id, for finding repeats
                decisions.add(EventJson.mapper().readValue(in.readString(), Decision.class));
            } else {
                events.add(readEvent(in, code));
            }
            if (in.position() != end) {
                throw new SerializationException("entry " + (events.size() + decisions.size())
                        + " of a case history is not " + length + " bytes long");
            }
        }
        return new History(events, decisions);
    }

    private static CaseEvent readEvent(Binary.Reader in) {
        return readEvent(in, in.readVarInt());
    }

    private static CaseEvent readEvent(Binary.Reader in, int code) {
        EventType type = switch (code) {
            case REOPENED -> EventType.CASE_REOPENED;
            case ASSIGNED -> EventType.CASE_ASSIGNED;
            case SIGNED -> EventType.CASE_SIGNED;
            case EXTENSION_DECIDED -> EventType.CASE_EXTENSION_DECIDED;
            case MERGED -> EventType.CASE_MERGED;
            case SUPERVISED -> EventType.CASE_SUPERVISED;
            default -> code < 1 || code > TYPES.length ? null : TYPES[code - 1];
        };
        if (type == null) {
            throw new SerializationException("case history entry of unknown kind " + code);
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
        } else if (data instanceof Reopened r) {
            out.writeString(r.caseId())
                    .writeString(r.unitId())
                    .writeString(r.reason())
                    .writeInstant(r.dueAt())
                    .writeInstant(r.occurredAt());
        } else if (data instanceof Assigned a) {
            out.writeString(a.caseId())
                    .writeString(a.unitId())
                    .writeString(a.unitName())
                    .writeCode(a.role(), ROLES)
                    .writeString(a.dispatcher())
                    .writeInstant(a.dueAt())
                    .writeInstant(a.occurredAt());
        } else if (data instanceof Signed g) {
            out.writeString(g.caseId()).writeString(g.unitId()).writeInstant(g.occurredAt());
        } else if (data instanceof ExtensionDecided e) {
            out.writeString(e.caseId())
                    .writeString(e.unitId())
                    .writeString(e.extensionId())
                    .writeCode(e.outcome(), OUTCOMES)
                    .writeInstant(e.dueAt())
                    .writeString(e.decidedBy())
                    .writeString(e.reason())
                    .writeInstant(e.occurredAt());
        } else if (data instanceof Merged m) {
            out.writeString(m.caseId())
                    .writeString(m.intoCaseId())
                    .writeString(m.unitId())
                    .writeString(m.reason())
                    .writeInstant(m.occurredAt());
        } else if (data instanceof Supervised v) {
            out.writeString(v.caseId())
                    .writeString(v.unitId())
                    .writeString(v.supervisor())
                    .writeString(v.reason())
                    .writeInstant(v.dueAt())
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
            case CASE_REOPENED:
                return new Reopened(
                        in.readString(), in.readString(), in.readString(), in.readInstant(), in.readInstant());
            case CASE_ASSIGNED:
                return new Assigned(
                        in.readString(),
                        in.readString(),
                        in.readString(),
                        in.readCode(ROLES),
                        in.readString(),
                        in.readInstant(),
                        in.readInstant());
            case CASE_SIGNED:
                return new Signed(in.readString(), in.readString(), in.readInstant());
            case CASE_EXTENSION_DECIDED:
                return new ExtensionDecided(
                        in.readString(),
                        in.readString(),
                        in.readString(),
                        in.readCode(OUTCOMES),
                        in.readInstant(),
                        in.readString(),
                        in.readString(),
                        in.readInstant());
            case CASE_MERGED:
                return new Merged(in.readString(), in.readString(), in.readString(), in.readString(), in.readInstant());
            case CASE_SUPERVISED:
                return new Supervised(
                        in.readString(),
                        in.readString(),
                        in.readString(),
                        in.readString(),
                        in.readInstant(),
                        in.readInstant());
            default:
                throw new SerializationException("not a case event type: " + type);
        }
    }

    private CaseHistoryCodec() {}
}
