package io.minxin.e2e.load;

import io.minxin.e2e.support.Heap;
import io.minxin.e2e.support.Pause;
import io.minxin.e2e.support.ServiceProcess;
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

    private Footprint() {}
}
