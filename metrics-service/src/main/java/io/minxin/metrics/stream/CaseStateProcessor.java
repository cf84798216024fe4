package io.minxin.metrics.stream;

import io.minxin.events.CaseData;
import io.minxin.events.CaseEvent;
import io.minxin.events.EventFormatException;
import io.minxin.metrics.casestate.CaseFolder;
import io.minxin.metrics.codec.CaseEventReader;
import io.minxin.metrics.codec.CaseHistoryCodec;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage one: keeps the distinct events of each case (its history) in a store keyed by caseId and forwards
 * the case's new version; {@link PublishProcessor} folds the whole history into the case's state once per
 * commit interval, so arrival order cannot matter. An event is checked on its own here ({@link
 * CaseFolder#check}), which is all that can make a fold fail, so a bad event is rejected instead of stored.
 * An exact repeat of an event (same source and id) changes nothing and publishes nothing; a case event of a type that
 * no count uses yet (of the contract's optional types, the request for an extension and supervision) is checked like any other
 * and then left alone, so it changes no case state and no rate. The key is never
 * changed, so what follows stays in the same task without a repartition.
 */
final class CaseStateProcessor implements FixedKeyProcessor<String, byte[], Folded> {
    private final CaseFolder folder;
    private final int maxEventsPerCase;
    private final ProcessingListener listener;
    private FixedKeyProcessorContext<String, Folded> context;
    private KeyValueStore<String, byte[]> histories;

    CaseStateProcessor(CaseFolder folder, int maxEventsPerCase, ProcessingListener listener) {
        this.folder = folder;
        this.maxEventsPerCase = maxEventsPerCase;
        this.listener = listener;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Folded> context) {
        this.context = context;
        this.histories = context.getStateStore(MetricsTopology.HISTORY_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        CaseEvent event;
        try {
            event = read(record);
        } catch (Rejection e) {
            reject(record, e.getMessage());
            return;
        }
        if (!CaseFolder.folds(event.type())) {
            listener.processed(ProcessingListener.Outcome.IGNORED);
            return;
        }
        String caseId = record.key();
        byte[] history = histories.get(caseId);
        int known = CaseHistoryCodec.countUnlessRepeated(history, event);
        if (known < 0) {
            listener.processed(ProcessingListener.Outcome.DUPLICATE);
            return;
        }
        if (known >= maxEventsPerCase) {
            reject(record, "case " + caseId + " already has " + known + " events and decisions, the limit per case");
            return;
        }
        try {
            folder.check(event);
        } catch (RuntimeException e) {
            reject(record, "event " + event.id() + " of case " + caseId + " cannot be folded: " + e.getMessage());
            return;
        }
        histories.put(caseId, CaseHistoryCodec.append(history, event));
        context.forward(record.withValue(Folded.of(known + 1)));
        listener.processed(ProcessingListener.Outcome.APPLIED);
    }

    private static CaseEvent read(FixedKeyRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new Rejection("the value is empty");
        }
        CaseEvent event;
        try {
            event = CaseEventReader.read(record.value());
        } catch (EventFormatException e) {
            throw new Rejection(e.getMessage());
        } catch (DateTimeException e) {
            // the contract's reader lets an unreadable envelope time through unwrapped
            throw new Rejection("not a Minxin CloudEvent: " + e.getMessage());
        }
        if (!(event.data() instanceof CaseData)) {
            throw new Rejection(event.type().ceType() + " is not a case event");
        }
        if (event.occurredAt() == null) {
            throw new Rejection("data.occurredAt is missing");
        }
        String caseId = ((CaseData) event.data()).caseId();
        if (caseId == null || !caseId.equals(record.key())) {
            throw new Rejection("the record key " + record.key() + " is not data.caseId " + caseId);
        }
        return event;
    }

    private void reject(FixedKeyRecord<String, byte[]> record, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(MetricsTopology.DLQ_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        context.forward(record.withValue(Folded.rejected(record.value())).withHeaders(headers));
        listener.processed(ProcessingListener.Outcome.REJECTED);
    }

    /** A record that can never be folded, whatever arrives later. */
    private static final class Rejection extends RuntimeException {
        Rejection(String message) {
            super(message, null, false, false);
        }
    }
}
