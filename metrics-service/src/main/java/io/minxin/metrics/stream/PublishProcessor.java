package io.minxin.metrics.stream;

import io.minxin.events.state.CaseState;
import io.minxin.metrics.casestate.CaseFolder;
import io.minxin.metrics.codec.CaseHistoryCodec;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the state of a changed case, folded from its history (events and decisions) as it stands, when the record
 * cache of {@link MetricsTopology#CHANGED_STORE} lets the change through: once per commit interval however often the
 * case changed meanwhile, at once when record caches are off. A case known only from decisions has no state yet: it is
 * published with its first event.
 */
final class PublishProcessor implements FixedKeyProcessor<String, Long, CaseState> {
    private static final Logger log = LoggerFactory.getLogger(PublishProcessor.class);

    private final CaseFolder folder;
    private FixedKeyProcessorContext<String, CaseState> context;
    private KeyValueStore<String, byte[]> histories;

    PublishProcessor(CaseFolder folder) {
        this.folder = folder;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CaseState> context) {
        this.context = context;
        this.histories = context.getStateStore(MetricsTopology.HISTORY_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, Long> record) {
        byte[] stored = histories.get(record.key());
        if (stored == null) {
            return;
        }
        CaseState state;
        int entries = 0;
        try {
            CaseHistoryCodec.History history = CaseHistoryCodec.readHistory(stored);
            if (history.events().isEmpty()) {
                return;
            }
            entries = history.events().size() + history.decisions().size();
            state = folder.fold(record.key(), history.events(), history.decisions());
        } catch (RuntimeException e) {
            // every stored event passed CaseFolder.check and every decision CaseFolder.foldable, so this is a defect:
            // the case is named and skipped rather than stopping the stream thread for every other case
            log.error(
                    "case {} cannot be folded from its {} events and decisions; its state is not published",
                    record.key(),
                    entries,
                    e);
            return;
        }
        context.forward(record.withValue(state));
    }
}
