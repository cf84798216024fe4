package io.minxin.e2e.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What a service keeps on its heap after a full collection, as Micrometer reports it. */
public final class Heap {
    private static final String JCMD =
            Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();

    /**
     * Forces a full GC in the service ({@code jcmd <pid> GC.run}) and returns {@code jvm_gc_live_data_size_bytes}
     * (old generation after that collection).
     */
    public static double liveDataAfterFullGc(ServiceProcess service) {
        double pausesBefore = Scrape.of(service).sum("jvm_gc_pause_seconds_count");
        Commands.Result gc = Commands.run(List.of(JCMD, String.valueOf(service.pid()), "GC.run"));
        if (gc.exitCode() != 0) {
            throw new IllegalStateException(
                    "jcmd GC.run on " + service.service().artifact() + ": " + gc.output());
        }
        await(service.service().artifact() + " reported the full GC")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Scrape.of(service).sum("jvm_gc_pause_seconds_count") > pausesBefore);
        return Scrape.of(service).sum("jvm_gc_live_data_size_bytes");
    }

    /** Writes the service's class histogram (live objects, after a full GC) to {@code file}, for a diagnosis. */
    public static void writeHistogram(ServiceProcess service, Path file) {
        Commands.Result histogram = Commands.run(List.of(JCMD, String.valueOf(service.pid()), "GC.class_histogram"));
        try {
            Files.writeString(file, histogram.output(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Heap() {}
}
