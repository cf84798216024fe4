package io.minxin.e2e.load;

import io.minxin.e2e.support.ServiceProcess;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CPU time used so far by each service and by the test JVM (broker, MongoDB-wire server, load generator). */
record CpuTimes(Map<String, Duration> used) {
    static final String TEST_JVM = "test JVM (broker, MongoDB, load)";

    static CpuTimes now(List<ServiceProcess> services) {
        Map<String, Duration> used = new LinkedHashMap<>();
        for (ServiceProcess service : services) {
            used.put(service.service().artifact(), cpuOf(service.pid()));
        }
        used.put(TEST_JVM, cpuOf(ProcessHandle.current().pid()));
        return new CpuTimes(used);
    }

    /** Cores used on average by each process since {@code earlier}, over {@code seconds} of wall time. */
    Map<String, Double> coresSince(CpuTimes earlier, double seconds) {
        Map<String, Double> cores = new LinkedHashMap<>();
        used.forEach((name, total) ->
                cores.put(name, total.minus(earlier.used().get(name)).toMillis() / 1000.0 / seconds));
        return cores;
    }

    private static Duration cpuOf(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(process -> process.info().totalCpuDuration())
                .orElse(Duration.ZERO);
    }
}
