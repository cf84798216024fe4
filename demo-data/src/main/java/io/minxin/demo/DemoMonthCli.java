package io.minxin.demo;

import io.minxin.events.CaseEvent;
import io.minxin.events.EventJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Writes a demo month as NDJSON (one CloudEvent a line), to a file or to standard output.
 *
 * <pre>
 * java -jar demo-data/target/demo-data-&lt;version&gt;.jar [--seed 8890] [--month 2020-09]
 *      [--out events.ndjson] [--messy SEED] [--expected expected.json] [--directory units.ndjson]
 * </pre>
 *
 * {@code --messy} writes {@link DemoMonth#messyEvents(long)} instead; {@code --expected} also writes
 * {@link DemoMonth#expected()} as JSON; {@code --directory} also writes the demo district's unit directory
 * ({@link DemoMonth#registrations()}) as NDJSON, to be sent before the month. Exit status 2 on bad arguments, 1 on an I/O error.
 */
public final class DemoMonthCli {
    static final String USAGE =
            "usage: DemoMonthCli [--seed N] [--month YYYY-MM] [--out FILE] [--messy SEED] [--expected FILE]"
                    + " [--directory FILE]";

    /** Parsed command line. */
    record Options(long seed, YearMonth month, Path out, Long messySeed, Path expected, Path directory) {
        Options(long seed, YearMonth month, Path out, Long messySeed, Path expected) {
            this(seed, month, out, messySeed, expected, null);
        }
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try {
            run(options, System.out);
        } catch (IOException e) {
            System.err.println("cannot write the demo month: " + e.getMessage());
            System.exit(1);
        }
    }

    static Options parse(String[] args) {
        long seed = DemoMonth.DEFAULT_SEED;
        YearMonth month = DemoMonth.DEFAULT_MONTH;
        Path out = null;
        Long messy = null;
        Path expected = null;
        Path directory = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if ("--help".equals(name) || "-h".equals(name)) {
                throw new IllegalArgumentException("writes a deterministic demo month of Minxin events as NDJSON");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            try {
                switch (name) {
                    case "--seed":
                        seed = Long.parseLong(value);
                        break;
                    case "--month":
                        month = YearMonth.parse(value);
                        break;
                    case "--out":
                        out = Path.of(value);
                        break;
                    case "--messy":
                        messy = Long.parseLong(value);
                        break;
                    case "--expected":
                        expected = Path.of(value);
                        break;
                    case "--directory":
                        directory = Path.of(value);
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option " + name);
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException("bad value for " + name + ": " + value, e);
            }
        }
        return new Options(seed, month, out, messy, expected, directory);
    }

    /** Generates and writes; {@code stdout} receives the events when no {@code --out} is given. */
    static void run(Options options, OutputStream stdout) throws IOException {
        DemoMonth demo = DemoMonth.generate(options.seed(), options.month());
        List<CaseEvent> events = options.messySeed() == null ? demo.events() : demo.messyEvents(options.messySeed());
        if (options.out() == null) {
            // the events are the program's output (data), not a log
            Writer writer = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
            write(events, writer);
            writer.flush();
        } else {
            try (Writer writer = Files.newBufferedWriter(options.out(), StandardCharsets.UTF_8)) {
                write(events, writer);
            }
        }
        if (options.directory() != null) {
            try (Writer writer = Files.newBufferedWriter(options.directory(), StandardCharsets.UTF_8)) {
                write(DemoMonth.registrations(), writer);
            }
        }
        if (options.expected() != null) {
            Files.writeString(
                    options.expected(),
                    EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(demo.expected()),
                    StandardCharsets.UTF_8);
        }
    }

    private static void write(List<CaseEvent> events, Writer writer) throws IOException {
        for (CaseEvent event : events) {
            writer.write(EventJson.toJson(event));
            writer.write('\n');
        }
    }

    private DemoMonthCli() {}
}
