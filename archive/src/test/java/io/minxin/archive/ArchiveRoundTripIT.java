package io.minxin.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.minxin.demo.DemoMonth;
import io.minxin.demo.ReferenceCases;
import io.minxin.events.Accepted;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Concluded;
import io.minxin.events.EventJson;
import io.minxin.events.EventType;
import io.minxin.events.Topics;
import io.minxin.events.UnitLogin;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.DecisionBody;
import io.minxin.events.decision.Exclusion;
import io.minxin.events.decision.Indicator;
import io.minxin.events.decision.PushbackRuling;
import io.minxin.localstack.LocalStack;
import io.minxin.localstack.LocalStackEndpoints;
import io.minxin.localstack.LocalStackExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo month, every event twice and shuffled, with decisions of September and of October and events of the
 * months around it, on the shared test broker; exported as September and imported into a second, fresh local
 * stack.
 */
@ExtendWith(LocalStackExtension.class)
class ArchiveRoundTripIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String OPERATOR = "account:operator";

    @TempDir
    Path work;

    /** What the test put on the source, per topic: the records of September, key to values in production order. */
    private final Map<String, Map<String, List<String>>> september = new LinkedHashMap<>();

    @Test
    void givenAMonthWithDecisions_whenExportedAndImportedIntoAnEmptySystem_thenEveryRecordIsBackUnderItsKeyInOrder(
            LocalStackEndpoints source) throws IOException {
        putMonthOnSource(source.bootstrapServers());
        Path archive = work.resolve("minxin-2020-09");

        Output export = command(source.bootstrapServers(), "export", "2020-09", archive.toString());

        assertThat(export.code()).as(export.err()).isEqualTo(ArchiveCommand.OK);
        Manifest manifest = Manifest.read(EventJson.mapper(), archive);
        assertThat(manifest.period()).isEqualTo("2020-09");
        assertThat(manifest.sourceBootstrap()).isEqualTo(source.bootstrapServers());
        assertThat(manifest.minxinVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(manifest.files())
                .extracting(Manifest.FileEntry::topic, Manifest.FileEntry::count)
                .containsExactly(
                        tuple(Topics.CASE_EVENTS, count(Topics.CASE_EVENTS)),
                        tuple(Topics.UNIT_ACTIVITY, count(Topics.UNIT_ACTIVITY)),
                        tuple(Topics.DECISIONS, count(Topics.DECISIONS)));
        assertThat(september.get(Topics.CASE_EVENTS)).hasSize((int) DemoMonth.generate().caseEvents().stream()
                .map(CaseEvent::key)
                .distinct()
                .count());

        try (LocalStack target = LocalStack.start(LocalStack.Settings.freePorts(work.resolve("target-stack")))) {
            String targetBootstrap = target.endpoints().bootstrapServers();

            Output tampered =
                    command(targetBootstrap, "import", tamperedCopy(archive).toString());
            assertThat(tampered.code()).isEqualTo(ArchiveCommand.FAILED);
            assertThat(tampered.err()).contains("decisions.ndjson.gz: SHA-256 ", "nothing was imported");
            assertThat(recordsOn(targetBootstrap, Topics.DECISIONS)).isEmpty();
            assertThat(recordsOn(targetBootstrap, Topics.CASE_EVENTS)).isEmpty();

            int interrupted = produceTheStartOfCaseEvents(archive, targetBootstrap, 100);
            Output imported = command(targetBootstrap, "import", archive.toString());
            assertThat(imported.code()).as(imported.err()).isEqualTo(ArchiveCommand.OK);
            for (String topic : Exporter.TOPICS) {
                assertThat(recordsOn(targetBootstrap, topic)).as(topic).isEqualTo(september.get(topic));
            }
            assertThat(imported.out())
                    .contains(
                            "case-events: " + (count(Topics.CASE_EVENTS) - interrupted) + " records produced, "
                                    + interrupted + " were there already",
                            "decisions: " + count(Topics.DECISIONS) + " records produced, 0 were there already");

            Map<String, Long> endsAfterTheImport = endOffsets(targetBootstrap);
            Output again = command(targetBootstrap, "import", archive.toString());
            assertThat(again.code()).as(again.err()).isEqualTo(ArchiveCommand.OK);
            assertThat(again.out())
                    .contains("case-events: 0 records produced, " + count(Topics.CASE_EVENTS) + " were there already");
            for (String topic : Exporter.TOPICS) {
                assertThat(recordsOn(targetBootstrap, topic)).as(topic).isEqualTo(september.get(topic));
            }
            assertThat(endOffsets(targetBootstrap))
                    .as("records and transaction markers after a second import")
                    .isEqualTo(endsAfterTheImport);
        }

        Output intoSource = command(source.bootstrapServers(), "import", archive.toString());
        assertThat(intoSource.code()).isEqualTo(ArchiveCommand.FAILED);
        assertThat(intoSource.err())
                .contains("already holds other records than this archive's", "Nothing was imported");
    }

    /** Records and transaction markers of each archived topic on {@code bootstrap}. */
    private static Map<String, Long> endOffsets(String bootstrap) {
        Map<String, Long> ends = new LinkedHashMap<>();
        for (String topic : Exporter.TOPICS) {
            ends.put(topic, new TopicSnapshot(Map.of("bootstrap.servers", bootstrap), topic, TIMEOUT).size());
        }
        return ends;
    }

    private void putMonthOnSource(String bootstrap) {
        DemoMonth month = DemoMonth.generate();
        List<CaseEvent> events = new ArrayList<>(month.messyEvents(19));
        String augustCase = "archive-aug";
        events.add(CaseEvent.of("aug-1", "/test", accepted(augustCase, "2020-08-20T02:00:00Z")));
        events.add(CaseEvent.of("aug-2", "/test", new Concluded(augustCase, "u1", "办结", at("2020-09-02T02:00:00Z"))));
        events.add(CaseEvent.of("oct-1", "/test", accepted("archive-oct", "2020-10-02T02:00:00Z")));
        events.add(CaseEvent.of(
                "oct-2", "/test", new UnitLogin(month.units().get(0).unitId(), at("2020-10-09T01:00:00Z"))));

        String reference = ReferenceCases.FOOD_SAFETY.caseId();
        List<Decision> decisions = List.of(
                decision(
                        "2020-09",
                        "2020-10-05T02:00:00Z",
                        new Exclusion(reference, List.of(Indicator.SATISFACTION_RATE), true, null)),
                decision(
                        "2020-09",
                        "2020-10-06T02:00:00Z",
                        new PushbackRuling(reference, PushbackRuling.Verdict.DISMISSED, "u1", null, null, null)),
                decision(
                        "2020-09",
                        "2020-10-07T02:00:00Z",
                        new Exclusion(reference, List.of(Indicator.SATISFACTION_RATE), false, null)),
                decision(
                        "2020-10",
                        "2020-11-05T02:00:00Z",
                        new Exclusion("archive-oct", List.of(Indicator.RETURNS), true, null)));

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (CaseEvent event : events) {
                byte[] value = EventJson.toBytes(event);
                producer.send(new ProducerRecord<>(event.topic(), event.key(), value));
                boolean inSeptember = event.type() == EventType.UNIT_LOGIN
                        ? !event.id().startsWith("oct")
                        : !event.key().startsWith("archive-");
                if (inSeptember) {
                    keep(event.topic(), event.key(), value);
                }
            }
            for (Decision decision : decisions) {
                byte[] value = EventJson.mapper().writeValueAsBytes(decision);
                producer.send(new ProducerRecord<>(Topics.DECISIONS, decision.key(), value));
                if (decision.period().equals("2020-09")) {
                    keep(Topics.DECISIONS, decision.key(), value);
                }
            }
            producer.flush();
        }
    }

    /**
     * What an import that stopped after its first transaction leaves: the archive's first {@code records} case
     * events, each on the partition of its key, committed.
     */
    private static int produceTheStartOfCaseEvents(Path archive, String bootstrap, int records) {
        List<ArchivedRecord> first = new ArrayList<>();
        ArchiveFiles.read(EventJson.mapper(), archive.resolve(ArchiveFiles.fileName(Topics.CASE_EVENTS)), record -> {
            if (first.size() < records) {
                first.add(record);
            }
        });
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        "archive-round-trip-interrupted"),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (ArchivedRecord record : first) {
                producer.send(new ProducerRecord<>(
                        Topics.CASE_EVENTS,
                        Importer.partitionOf(record, Topics.PARTITIONS),
                        record.key(),
                        record.value()));
            }
            producer.commitTransaction();
        }
        return first.size();
    }

    private void keep(String topic, String key, byte[] value) {
        september
                .computeIfAbsent(topic, t -> new LinkedHashMap<>())
                .computeIfAbsent(key, k -> new ArrayList<>())
                .add(new String(value, StandardCharsets.UTF_8));
    }

    private long count(String topic) {
        return september.get(topic).values().stream().mapToLong(List::size).sum();
    }

    /** Every record of a topic, key to values in offset order (a key lives on one partition). */
    private static Map<String, List<String>> recordsOn(String bootstrap, String topic) {
        Map<String, List<String>> records = new LinkedHashMap<>();
        new TopicSnapshot(Map.of("bootstrap.servers", bootstrap), topic, TIMEOUT)
                .forEach(record -> records.computeIfAbsent(
                                new String(record.key(), StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(new String(record.value(), StandardCharsets.UTF_8)));
        return records;
    }

    /** A copy of the archive whose decisions file has one decision's period changed, recompressed. */
    private Path tamperedCopy(Path archive) throws IOException {
        Path copy = Files.createDirectories(work.resolve("tampered"));
        for (String name : List.of(
                Manifest.FILE_NAME,
                ArchiveFiles.fileName(Topics.CASE_EVENTS),
                ArchiveFiles.fileName(Topics.UNIT_ACTIVITY))) {
            Files.copy(archive.resolve(name), copy.resolve(name));
        }
        String decisions;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive.resolve("decisions.ndjson.gz")))) {
            decisions = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(copy.resolve("decisions.ndjson.gz")))) {
            out.write(decisions
                    .replaceFirst("\\\\\"excluded\\\\\":true", "\\\\\"excluded\\\\\":false")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return copy;
    }

    private static Decision decision(String period, String decidedAt, DecisionBody body) {
        return new Decision("decision-" + decidedAt, period, OPERATOR, "operator", at(decidedAt), "复核后决定", body);
    }

    private static Accepted accepted(String caseId, String occurredAt) {
        return new Accepted(caseId, "u1", "单位", Channel.PHONE, "诉求", null, at(occurredAt), null, null, null);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private record Output(int code, String out, String err) {}

    private static Output command(String bootstrap, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ArchiveCommand.run(
                List.of(args),
                Map.of(ArchiveCommand.BOOTSTRAP, bootstrap),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
