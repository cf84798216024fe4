package io.minxin.e2e.load;

import io.minxin.e2e.support.Heap;
import io.minxin.e2e.support.Pause;
import io.minxin.e2e.support.Scrape;
import io.minxin.e2e.support.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each service's live heap after a full GC, by service. One service after the other, a few seconds apart: full
 * collections of all five at once stopped the whole pipeline together, and the freshness probes measured that
 * instead of the system.
 */
final class Footprint {
    private static final Duration BETWEEN_SERVICES = Duration.ofSeconds(3);
    private static final double MIB = 1024 * 1024;

    /** Forces a full GC in every service in turn; with {@code histograms}, keeps class histograms in {@code logs}. */
    static Map<String, Double> liveHeaps(List<ServiceProcess> services, Path logs, String label, boolean histograms) {
        Map<String, Double> liveHeap = new LinkedHashMap<>();
        for (ServiceProcess service : services) {
            if (!liveHeap.isEmpty()) {
                Pause.lasting(BETWEEN_SERVICES, "the pipeline catching up after a full GC");
            }
            String name = service.service().artifact();
            liveHeap.put(name, Heap.liveDataAfterFullGc(service));
            if (histograms) {
                Heap.writeHistogram(service, logs.resolve("heap-" + name + "-" + label + ".txt"));
            }
        }
        return liveHeap;
    }

    /**
     * Each service's resident set (Linux {@code VmRSS}) and its committed heap and non-heap, in MiB, as
     * {@code "rss 412.3, heap committed 301.0, non-heap committed 98.2"}: what a container's memory limit must hold
     * under load, beside the live heap.
     */
    static Map<String, String> memory(List<ServiceProcess> services) {
        Map<String, String> memory = new LinkedHashMap<>();
        for (ServiceProcess service : services) {
            Scrape scrape = Scrape.of(service);
            memory.put(
                    service.service().artifact(),
                    String.format(
                            "rss %.1f, heap committed %.1f, non-heap committed %.1f",
                            residentKib(service.pid()) / 1024.0,
                            scrape.sum("jvm_memory_committed_bytes", "area", "heap") / MIB,
                            scrape.sum("jvm_memory_committed_bytes", "area", "nonheap") / MIB));
        }
        return memory;
    }

    private static long residentKib(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no VmRSS for pid " + pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Footprint() {}
}
