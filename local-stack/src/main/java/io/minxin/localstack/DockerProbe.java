package io.minxin.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/**
 * Decides whether tests run on Testcontainers: only when {@code MINXIN_TESTCONTAINERS} is not {@code false} and a
 * Docker engine answers.
 */
final class DockerProbe {
    private static final String SWITCH = "MINXIN_TESTCONTAINERS";

    static boolean useTestcontainers() {
        String setting = System.getProperty(SWITCH, System.getenv(SWITCH));
        if ("false".equalsIgnoreCase(setting)) {
            return false;
        }
        // Asking Testcontainers with no engine around is slow and logs stack traces, so look for a hint first;
        // MINXIN_TESTCONTAINERS=true skips that and always asks.
        if (!"true".equalsIgnoreCase(setting) && !dockerHinted()) {
            return false;
        }
        return DockerClientFactory.instance().isDockerAvailable();
    }

    private static boolean dockerHinted() {
        String home = System.getProperty("user.home");
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        return System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"))
                || (runtimeDir != null && Files.exists(Path.of(runtimeDir, "docker.sock")));
    }

    private DockerProbe() {}
}
