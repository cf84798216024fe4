package io.minxin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Collects the figures of one run and writes them as a Markdown table (logged and saved under bench/results). */
final class Report {
    private static final Logger log = LoggerFactory.getLogger(Report.class);

    private record Row(
            String bench, String what, double value, String unit, Double limit, Double ratio, Double p50, Double p99) {}

    private final List<Row> rows = new ArrayList<>();

    void row(String bench, String what, double value, String unit, Double limit, Double ratio, Latencies latencies) {
        Row row = new Row(
                bench,
                what,
                value,
                unit,
                limit,
                ratio,
                latencies == null ? null : latencies.percentileMillis(0.50),
                latencies == null ? null : latencies.percentileMillis(0.99));
        rows.add(row);
        log.info(
                "{} | {} | {} {} | ratio {} | p50 {} ms | p99 {} ms",
                bench,
                what,
                fmt(value),
                unit,
                fmt(ratio),
                fmt(row.p50),
                fmt(row.p99));
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Run of ")
                .append(LocalDate.now())
                .append(" on ")
                .append(machine())
                .append("\n\n");
        md.append("| bench | what | figure | raw limit | ratio | p50 ms | p99 ms |\n|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ")
                    .append(r.bench)
                    .append(" | ")
                    .append(r.what)
                    .append(" | ")
                    .append(fmt(r.value))
                    .append(' ')
                    .append(r.unit)
                    .append(" | ")
                    .append(fmt(r.limit))
                    .append(" | ")
                    .append(fmt(r.ratio))
                    .append(" | ")
                    .append(fmt(r.p50))
                    .append(" | ")
                    .append(fmt(r.p99))
                    .append(" |\n");
        }
        return md.toString();
    }

    void save(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name + "-" + LocalDate.now() + ".md");
        Files.writeString(file, markdown());
        log.info("report written to {}\n{}", file, markdown());
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB max heap, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name");
    }

    private static String fmt(Double v) {
        if (v == null) {
            return "—";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
