package io.minxin.metrics.stream;

import io.minxin.events.state.CaseState;
import io.minxin.metrics.unitrates.Contribution;
import io.minxin.metrics.unitrates.Share;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage two, first half: keeps what each case last contributed (keyed by caseId) and, on a new state of
 * the case, forwards only the changes per bucket, re-keyed by bucket. A re-assignment therefore takes a
 * count from one unit and gives it to another instead of counting the case twice.
 */
final class ContributionProcessor implements Processor<String, CaseState, String, Share> {
    private ProcessorContext<String, Share> context;
    private KeyValueStore<String, Contribution> contributions;

    @Override
    public void init(ProcessorContext<String, Share> context) {
        this.context = context;
        this.contributions = context.getStateStore(MetricsTopology.CONTRIBUTION_STORE);
    }

    @Override
    public void process(Record<String, CaseState> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        Contribution before = contributions.get(record.key());
        Contribution after = Contribution.of(record.value());
        Map<String, Share> changes = (before == null ? Contribution.NONE : before).changeTo(after);
        if (after.shares().isEmpty()) {
            contributions.delete(record.key());
        } else {
            contributions.put(record.key(), after);
        }
        changes.forEach(
                (bucket, change) -> context.forward(record.withKey(bucket).withValue(change)));
    }
}
