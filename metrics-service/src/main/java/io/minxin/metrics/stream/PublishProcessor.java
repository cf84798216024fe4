package io.minxin.metrics.stream;

import io.minxin.events.CaseEvent;
import io.minxin.events.state.CaseState;
import io.minxin.metrics.casestate.CaseFolder;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Publishes the state of a changed case, folded from its history as it stands, when the record cache of
 * {@link MetricsTopology#CHANGED_STORE} lets the change through: once per commit interval however often the
 * case changed meanwhile, at once when record caches are off.
 */
final class PublishProcessor implements FixedKeyProcessor<String, Long, CaseState> {
    private final CaseFolder folder;
    private FixedKeyProcessorContext<String, CaseState> context;
    private KeyValueStore<String, List<CaseEvent>> histories;

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
        List<CaseEvent> history = histories.get(record.key());
        if (history != null) {
            context.forward(record.withValue(folder.fold(record.key(), history)));
        }
    }
}
