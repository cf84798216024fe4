package io.minxin.archive;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The archive's data files: gzip NDJSON, one {@link ArchivedRecord} a line. */
final class ArchiveFiles {
    /** The file of a topic's records, e.g. {@code case-events.ndjson.gz}. */
    static String fileName(String topic) {
        return topic + ".ndjson.gz";
    }

    /** Writes one file, counting its lines and the SHA-256 of the bytes as stored. */
    static final class RecordWriter implements AutoCloseable {
        private final JsonMapper mapper;
        private final String topic;
        private final Path file;
        private final DigestOutputStream digest;
        private final Writer out;
        private long count;

        RecordWriter(JsonMapper mapper, Path directory, String topic) throws IOException {
            this.mapper = mapper;
            this.topic = topic;
            this.file = directory.resolve(fileName(topic));
            this.digest = new DigestOutputStream(Files.newOutputStream(file), Manifest.digest());
            this.out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(digest), StandardCharsets.UTF_8));
        }

        void write(ArchivedRecord record) throws IOException {
            out.write(record.toLine(mapper));
            out.write('\n');
            count++;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        /** The manifest's entry of the file; only after {@link #close()}. */
        Manifest.FileEntry entry() {
            return new Manifest.FileEntry(
                    file.getFileName().toString(),
                    topic,
                    count,
                    HexFormat.of().formatHex(digest.getMessageDigest().digest()));
        }
    }

    /** Each record of a file, in order; a line that is not a record is an {@link ArchiveException} naming it. */
    static void read(JsonMapper mapper, Path file, Consumer<ArchivedRecord> each) {
        try (BufferedReader in = reader(file)) {
            long number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                ArchivedRecord record;
                try {
                    record = ArchivedRecord.fromLine(mapper, line);
                } catch (JacksonException | IllegalArgumentException e) {
                    throw new ArchiveException(
                            file.getFileName() + ": line " + number + " is not a record: " + e.getMessage(), e);
                }
                each.accept(record);
            }
        } catch (IOException e) {
            throw new ArchiveException(file.getFileName() + ": cannot be read: " + e.getMessage(), e);
        }
    }

    static long countLines(Path file) {
        try (BufferedReader in = reader(file)) {
            return in.lines().count();
        } catch (IOException | UncheckedIOException e) {
            throw new ArchiveException(file.getFileName() + ": not a gzip file of records: " + e.getMessage(), e);
        }
    }

    private static BufferedReader reader(Path file) throws IOException {
        return new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8));
    }

    private ArchiveFiles() {}
}
