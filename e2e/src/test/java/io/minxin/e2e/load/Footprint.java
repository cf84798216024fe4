package io.minxin.e2e.load;

import io.minxin.e2e.support.Heap;
import io.minxin.e2e.support.ServiceProcess;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Each service's live heap after a full GC, by service, taken of all services at once. */
final class Footprint {

    /** Forces a full GC in every service (one thread each) and keeps class histograms in {@code logs}. */
    static Map<String, Double> liveHeaps(List<ServiceProcess> services, Path logs, String label) {
        Map<String, CompletableFuture<Double>> heaps = new LinkedHashMap<>();
        for (ServiceProcess service : services) {
            String name = service.service().artifact();
            heaps.put(name, CompletableFuture.supplyAsync(() -> {
                double live = Heap.liveDataAfterFullGc(service);
                Heap.writeHistogram(service, logs.resolve("heap-" + name + "-" + label + ".txt"));
                return live;
            }));
        }
        Map<String, Double> liveHeap = new LinkedHashMap<>();
        heaps.forEach((name, heap) -> liveHeap.put(name, heap.join()));
        return liveHeap;
    }

    private Footprint() {}
}
