package io.minxin.e2e.support;

import static org.awaitility.Awaitility.await;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * What a service keeps on its heap after a full collection, as Micrometer reports it. The service is reached through
 * its local JMX agent (the attach API), not by running {@code jcmd}: each jcmd is a JVM of its own, and starting ten
 * of them at once took the two cores from the services for seconds, a stall the load test then measured.
 */
public final class Heap {
    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    /** Forces a full GC in the service and returns {@code jvm_gc_live_data_size_bytes} (old generation after it). */
    public static double liveDataAfterFullGc(ServiceProcess service) {
        double pausesBefore = Scrape.of(service).sum("jvm_gc_pause_seconds_count");
        withJmx(service, connection -> {
            ManagementFactory.newPlatformMXBeanProxy(
                            connection, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class)
                    .gc();
            return null;
        });
        await(service.service().artifact() + " reported the full GC")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Scrape.of(service).sum("jvm_gc_pause_seconds_count") > pausesBefore);
        return Scrape.of(service).sum("jvm_gc_live_data_size_bytes");
    }

    /** Writes the service's class histogram (live objects, after a full GC) to {@code file}, for a diagnosis. */
    public static void writeHistogram(ServiceProcess service, Path file) {
        String histogram = withJmx(service, connection -> (String) connection.invoke(
                new ObjectName(DIAGNOSTIC_COMMAND), "gcClassHistogram", new Object[] {new String[0]}, new String[] {
                    String[].class.getName()
                }));
        try {
            Files.writeString(file, histogram, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface JmxCall<T> {
        T on(MBeanServerConnection connection) throws IOException, JMException;
    }

    private static <T> T withJmx(ServiceProcess service, JmxCall<T> call) {
        try {
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(service.pid()));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                return call.on(connector.getMBeanServerConnection());
            }
        } catch (IOException | JMException | com.sun.tools.attach.AttachNotSupportedException e) {
            throw new IllegalStateException("JMX of " + service.service().artifact() + ": " + e, e);
        }
    }

    private Heap() {}
}
