package io.minxin.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.minxin.events.EventJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class ManifestTest {
    private final JsonMapper mapper = EventJson.mapper();

    @TempDir
    Path archive;

    private Manifest manifest;

    @BeforeEach
    void writeArchive() throws IOException {
        List<Manifest.FileEntry> files = new ArrayList<>();
        ArchiveFiles.RecordWriter cases = new ArchiveFiles.RecordWriter(mapper, archive, "case-events");
        try (cases) {
            cases.write(record("case-events", 0, "c1", "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8)));
            cases.write(record("case-events", 0, "c1", new byte[] {(byte) 0xff, 0, 1}));
        }
        files.add(cases.entry());
        ArchiveFiles.RecordWriter decisions = new ArchiveFiles.RecordWriter(mapper, archive, "decisions");
        try (decisions) {
            decisions.write(record(
                    "decisions", 3, "bulletin|2020-09", "{\"period\":\"2020-09\"}".getBytes(StandardCharsets.UTF_8)));
        }
        files.add(decisions.entry());
        manifest = new Manifest(
                Manifest.FORMAT, "2020-09", 0, Instant.parse("2020-10-10T00:00:00Z"), "kafka:9092", "0.1.0", files);
        manifest.write(mapper, archive);
    }

    @Test
    void givenAnExport_whenTheManifestIsRead_thenItNamesEachFileWithItsCountAndTheSha256OfItsBytes() {
        Manifest read = Manifest.read(mapper, archive);

        assertThat(read).isEqualTo(manifest);
        assertThat(read.files())
                .extracting(Manifest.FileEntry::name, Manifest.FileEntry::topic, Manifest.FileEntry::count)
                .containsExactly(
                        tuple("case-events.ndjson.gz", "case-events", 2L),
                        tuple("decisions.ndjson.gz", "decisions", 1L));
        assertThat(read.files().get(0).sha256()).isEqualTo(Manifest.sha256(archive.resolve("case-events.ndjson.gz")));
        assertThat(read.files().get(0).sha256()).hasSize(64).matches("[0-9a-f]{64}");
        read.verify(archive);
    }

    @Test
    void givenAnExport_whenItsRecordsAreReadBack_thenKeysValuesAndHeadersAreTheSameBytes() {
        List<ArchivedRecord> back = new ArrayList<>();
        ArchiveFiles.read(mapper, archive.resolve("case-events.ndjson.gz"), back::add);

        assertThat(back).hasSize(2);
        assertThat(back.get(1).value()).containsExactly(0xff, 0, 1);
        assertThat(back.get(1).key()).isEqualTo("c1".getBytes(StandardCharsets.UTF_8));
        assertThat(back.get(0).headers()).singleElement().satisfies(header -> {
            assertThat(header.key()).isEqualTo("origin");
            assertThat(header.value()).isEqualTo(HexFormat.of().parseHex("00ff"));
        });
        assertThat(back.get(0).timestamp()).isEqualTo(1_600_000_000_000L);
    }

    @Test
    void givenAFileChangedAfterTheExport_whenVerified_thenTheImportIsRefusedNamingTheFile() throws IOException {
        rewrite(
                "decisions.ndjson.gz",
                "{\"topic\":\"decisions\",\"partition\":3,\"offset\":0,\"timestamp\":1,"
                        + "\"key\":\"bulletin|2020-09\",\"value\":\"{\\\"period\\\":\\\"2020-10\\\"}\"}\n");

        assertThatThrownBy(() -> manifest.verify(archive))
                .isInstanceOf(ArchiveException.class)
                .hasMessageStartingWith("decisions.ndjson.gz: SHA-256 ")
                .hasMessageContaining(
                        "is not the manifest's " + manifest.files().get(1).sha256());
    }

    @Test
    void givenAManifestWhoseCountIsWrong_whenVerified_thenTheFileIsNamedWithBothCounts() {
        Manifest.FileEntry cases = manifest.files().get(0);
        Manifest wrong = new Manifest(
                manifest.format(),
                manifest.period(),
                0,
                manifest.created(),
                manifest.sourceBootstrap(),
                manifest.minxinVersion(),
                List.of(new Manifest.FileEntry(cases.name(), cases.topic(), 3, cases.sha256())));

        assertThatThrownBy(() -> wrong.verify(archive))
                .isInstanceOf(ArchiveException.class)
                .hasMessage("case-events.ndjson.gz: 2 records, the manifest says 3; nothing was imported");
    }

    @Test
    void givenAMissingFile_whenVerified_thenItIsNamed() throws IOException {
        Files.delete(archive.resolve("case-events.ndjson.gz"));

        assertThatThrownBy(() -> manifest.verify(archive))
                .isInstanceOf(ArchiveException.class)
                .hasMessage("case-events.ndjson.gz: missing, the manifest lists it");
    }

    @Test
    void givenAFileNameThatLeavesTheDirectory_whenVerified_thenItIsRefused() {
        Manifest escaping = new Manifest(
                Manifest.FORMAT,
                "2020-09",
                0,
                manifest.created(),
                "kafka:9092",
                "0.1.0",
                List.of(new Manifest.FileEntry("../secrets", "decisions", 0, "00")));

        assertThatThrownBy(() -> escaping.verify(archive))
                .isInstanceOf(ArchiveException.class)
                .hasMessage("../secrets: not a file name of the archive's directory");
    }

    @Test
    void givenAnotherFormatOrNoManifest_whenRead_thenItIsRefused() throws IOException {
        Files.writeString(
                archive.resolve(Manifest.FILE_NAME),
                Files.readString(archive.resolve(Manifest.FILE_NAME)).replace(Manifest.FORMAT, "minxin-archive/9"));

        assertThatThrownBy(() -> Manifest.read(mapper, archive))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("format 'minxin-archive/9' is not minxin-archive/1");
        assertThatThrownBy(() -> Manifest.read(mapper, archive.resolve("elsewhere")))
                .isInstanceOf(ArchiveException.class)
                .hasMessageStartingWith("manifest.json: missing in ");
    }

    @Test
    void givenALineThatIsNoRecord_whenRead_thenTheFileAndLineAreNamed() throws IOException {
        rewrite(
                "decisions.ndjson.gz",
                "{\"topic\":\"decisions\",\"partition\":0,\"offset\":0,\"timestamp\":1}\n{\"key\":1}\n");

        assertThatThrownBy(() -> ArchiveFiles.read(mapper, archive.resolve("decisions.ndjson.gz"), record -> {}))
                .isInstanceOf(ArchiveException.class)
                .hasMessageStartingWith("decisions.ndjson.gz: line 2 is not a record: ");
    }

    private void rewrite(String name, String content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive.resolve(name)))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static ArchivedRecord record(String topic, int partition, String key, byte[] value) {
        return new ArchivedRecord(
                topic,
                partition,
                0,
                1_600_000_000_000L,
                key.getBytes(StandardCharsets.UTF_8),
                value,
                List.of(new ArchivedRecord.Header("origin", HexFormat.of().parseHex("00ff"))));
    }
}
