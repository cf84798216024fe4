package io.minxin.e2e.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where the repository, the service jars and the logs are, from the system properties failsafe sets
 * ({@code e2e.root}, {@code e2e.version}, {@code e2e.logs}).
 */
public record E2eSettings(Path root, String version, Path logs) {

    public static E2eSettings fromSystemProperties() {
        Path root =
                Path.of(System.getProperty("e2e.root", "..")).toAbsolutePath().normalize();
        String version = System.getProperty("e2e.version", "0.1.0-SNAPSHOT");
        Path logs = Path.of(System.getProperty("e2e.logs", "target/e2e-logs")).toAbsolutePath();
        return new E2eSettings(root, version, logs);
    }

    public Path jar(Service service) {
        return root.resolve(service.artifact())
                .resolve("target")
                .resolve(service.artifact() + "-" + version + "-exec.jar");
    }

    /** Every service jar; a missing one fails the run loudly instead of skipping tests. */
    Map<Service, Path> requireJars() {
        Map<Service, Path> jars = new EnumMap<>(Service.class);
        List<String> missing = new ArrayList<>();
        for (Service service : Service.values()) {
            Path jar = jar(service);
            if (Files.isRegularFile(jar)) {
                jars.put(service, jar);
            } else {
                missing.add(jar.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "service jars missing (build them: ./mvnw -B -o -pl e2e -am install " + "-DskipTests): " + missing);
        }
        return jars;
    }
}
