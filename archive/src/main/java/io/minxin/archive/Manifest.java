package io.minxin.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code manifest.json} of an archive: what it holds and how to check it. Each file is named with its number of
 * records and the SHA-256 of its bytes as stored (the gzip file), so {@code sha256sum} checks it too.
 *
 * @param format {@link #FORMAT}; an archive of another format is refused
 * @param period the assessment period ({@code YYYY-MM})
 * @param cutOffDay the period cut-off day the export chose the cases by ({@code minxin.period.cut-off-day})
 * @param created when the export ended
 * @param sourceBootstrap the Kafka bootstrap servers it was exported from
 * @param minxinVersion the version of Minxin that exported it
 * @param files one entry per topic, in the order the import produces them
 */
record Manifest(
        String format,
        String period,
        int cutOffDay,
        Instant created,
        String sourceBootstrap,
        String minxinVersion,
        List<FileEntry> files) {

    static final String FORMAT = "minxin-archive/1";
    static final String FILE_NAME = "manifest.json";

    /**
     * @param name the file's name in the archive's directory, e.g. {@code case-events.ndjson.gz}
     * @param topic the topic its records go back to
     * @param count its number of records (lines)
     * @param sha256 the SHA-256 of the file's bytes, lower-case hex
     */
    record FileEntry(String name, String topic, long count, String sha256) {
        FileEntry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    Manifest {
        files = List.copyOf(files);
    }

    void write(JsonMapper mapper, Path directory) throws IOException {
        try (OutputStream out = Files.newOutputStream(directory.resolve(FILE_NAME))) {
            mapper.writerWithDefaultPrettyPrinter().writeValue(out, this);
        }
    }

    /** Reads the manifest of the archive in {@code directory}; a missing or unreadable one is an {@link ArchiveException}. */
    static Manifest read(JsonMapper mapper, Path directory) {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new ArchiveException(FILE_NAME + ": missing in " + directory + " (is it an archive's directory?)");
        }
        Manifest manifest;
        try {
            manifest = mapper.readValue(file.toFile(), Manifest.class);
        } catch (JacksonException | NullPointerException e) {
            throw new ArchiveException(FILE_NAME + ": not a manifest: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(manifest.format())) {
            throw new ArchiveException(FILE_NAME + ": format '" + manifest.format() + "' is not " + FORMAT
                    + ", the one this command reads");
        }
        return manifest;
    }

    /**
     * Checks every file against its entry before anything is imported: it exists, its SHA-256 and its number of
     * lines are those written at export. The first difference is an {@link ArchiveException} naming the file.
     */
    void verify(Path directory) {
        for (FileEntry entry : files) {
            Path file = directory.resolve(entry.name()).normalize();
            if (!file.getParent().equals(directory.normalize())) {
                throw new ArchiveException(entry.name() + ": not a file name of the archive's directory");
            }
            if (!Files.isRegularFile(file)) {
                throw new ArchiveException(entry.name() + ": missing, the manifest lists it");
            }
            String actual = sha256(file);
            if (!actual.equals(entry.sha256())) {
                throw new ArchiveException(entry.name() + ": SHA-256 " + actual + " is not the manifest's "
                        + entry.sha256() + ": the file was changed after the export; nothing was imported");
            }
            long lines = ArchiveFiles.countLines(file);
            if (lines != entry.count()) {
                throw new ArchiveException(entry.name() + ": " + lines + " records, the manifest says " + entry.count()
                        + "; nothing was imported");
            }
        }
    }

    static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new ArchiveException(file.getFileName() + ": cannot be read: " + e.getMessage(), e);
        }
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
