package io.minxin.metrics.stream;

import io.minxin.events.EventJson;
import io.minxin.events.decision.Decision;
import io.minxin.metrics.casestate.CaseFolder;
import io.minxin.metrics.codec.CaseHistoryCodec;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage one for {@code decisions}: a 推诿 ruling or an exclusion joins its case's history (the store of {@link
 * CaseStateProcessor}, keyed by caseId: the topics are co-partitioned, so the decision and the events of a case meet in
 * one task) once per decision id, and the case's new version is forwarded to be folded again. A decision may arrive
 * before, between or after the case's events, and more than once: the fold takes the set.
 *
 * <p>Nothing of this topic goes to the dead-letter topic: decisions are validated by the service that took them, and a
 * record this version cannot read may be of a kind a newer contract added. Such a record is logged and skipped
 * ({@link ProcessingListener.DecisionOutcome#SKIPPED}); the kinds that do not change the numbers are left alone
 * ({@link ProcessingListener.DecisionOutcome#IGNORED}).
 */
final class DecisionProcessor implements FixedKeyProcessor<String, byte[], Folded> {
    private static final Logger log = LoggerFactory.getLogger(DecisionProcessor.class);

    private final int maxEntriesPerCase;
    private final ProcessingListener listener;
    private FixedKeyProcessorContext<String, Folded> context;
    private KeyValueStore<String, byte[]> histories;

    DecisionProcessor(int maxEntriesPerCase, ProcessingListener listener) {
        this.maxEntriesPerCase = maxEntriesPerCase;
        this.listener = listener;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Folded> context) {
        this.context = context;
        this.histories = context.getStateStore(MetricsTopology.HISTORY_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        String caseId = record.key();
        Decision decision;
        boolean foldable;
        try {
            decision = EventJson.mapper().readValue(record.value(), Decision.class);
            foldable = caseId != null && CaseFolder.foldable(caseId, decision);
        } catch (RuntimeException e) {
            skip(record, e.getMessage());
            return;
        }
        if (!foldable) {
            listener.decided(ProcessingListener.DecisionOutcome.IGNORED);
            return;
        }
        byte[] history = histories.get(caseId);
        int known = CaseHistoryCodec.countUnlessRepeated(history, decision);
        if (known < 0) {
            listener.decided(ProcessingListener.DecisionOutcome.DUPLICATE);
            return;
        }
        if (known >= maxEntriesPerCase) {
            skip(record, "case " + caseId + " already has " + known + " events and decisions, the limit per case");
            return;
        }
        histories.put(caseId, CaseHistoryCodec.append(history, decision));
        context.forward(record.withValue(Folded.of(known + 1)));
        listener.decided(ProcessingListener.DecisionOutcome.APPLIED);
    }

    private void skip(FixedKeyRecord<String, byte[]> record, String why) {
        log.warn(
                "skipping decision record of key {} ({} bytes): {}",
                record.key(),
                record.value() == null ? 0 : record.value().length,
                why);
        listener.decided(ProcessingListener.DecisionOutcome.SKIPPED);
    }
}
