package io.minxin.archive;

import io.minxin.events.Topics;
import io.minxin.events.state.AssessmentPeriod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a period's evidence from a running system to an archive directory: {@code case-events.ndjson.gz},
 * {@code unit-activity.ndjson.gz}, {@code decisions.ndjson.gz} ({@link PeriodFilter} says which records) and
 * {@code manifest.json}. Each topic is read up to the end offsets taken when the export starts
 * ({@link TopicSnapshot}), so it ends on a busy system and reads {@code case-events} twice over the same records.
 */
final class Exporter {
    /** The topics of an archive, in the order the import produces them. */
    static final List<String> TOPICS = List.of(Topics.CASE_EVENTS, Topics.UNIT_ACTIVITY, Topics.DECISIONS);

    private final Map<String, Object> clientProperties;
    private final String bootstrap;
    private final Duration timeout;
    private final Clock clock;
    private final JsonMapper mapper;

    Exporter(Map<String, Object> clientProperties, String bootstrap, Duration timeout, Clock clock, JsonMapper mapper) {
        this.clientProperties = clientProperties;
        this.bootstrap = bootstrap;
        this.timeout = timeout;
        this.clock = clock;
        this.mapper = mapper;
    }

    Manifest export(YearMonth period, AssessmentPeriod calendar, Path directory) throws IOException {
        Files.createDirectories(directory);
        if (Files.exists(directory.resolve(Manifest.FILE_NAME))) {
            throw new ArchiveException(
                    directory + " already holds an archive (" + Manifest.FILE_NAME + "); choose an empty directory");
        }
        Map<String, TopicSnapshot> snapshots = new LinkedHashMap<>();
        for (String topic : TOPICS) {
            snapshots.put(topic, new TopicSnapshot(clientProperties, topic, timeout));
        }
        PeriodFilter filter = new PeriodFilter(calendar, period);
        snapshots.get(Topics.CASE_EVENTS).forEach(record -> filter.noteCaseEvent(key(record), record.value()));

        List<Manifest.FileEntry> files = new ArrayList<>();
        files.add(write(directory, snapshots.get(Topics.CASE_EVENTS), record -> filter.caseInPeriod(key(record))));
        files.add(write(
                directory, snapshots.get(Topics.UNIT_ACTIVITY), record -> filter.unitActivityInPeriod(record.value())));
        files.add(write(directory, snapshots.get(Topics.DECISIONS), record -> filter.decisionInPeriod(record.value())));
        Manifest manifest = new Manifest(
                Manifest.FORMAT,
                period.toString(),
                calendar.cutOffDay(),
                clock.instant(),
                bootstrap,
                MinxinVersion.get(),
                files);
        manifest.write(mapper, directory);
        return manifest;
    }

    private Manifest.FileEntry write(
            Path directory, TopicSnapshot snapshot, Predicate<ConsumerRecord<byte[], byte[]>> inPeriod)
            throws IOException {
        ArchiveFiles.RecordWriter writer = new ArchiveFiles.RecordWriter(mapper, directory, snapshot.topic());
        try (writer) {
            snapshot.forEach(record -> {
                if (inPeriod.test(record)) {
                    writeRecord(writer, record);
                }
            });
        }
        return writer.entry();
    }

    private static void writeRecord(ArchiveFiles.RecordWriter writer, ConsumerRecord<byte[], byte[]> record) {
        List<ArchivedRecord.Header> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new ArchivedRecord.Header(header.key(), header.value()));
        }
        try {
            writer.write(new ArchivedRecord(
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.timestamp(),
                    record.key(),
                    record.value(),
                    headers));
        } catch (IOException e) {
            throw new ArchiveException("cannot write the archive: " + e.getMessage(), e);
        }
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }
}
