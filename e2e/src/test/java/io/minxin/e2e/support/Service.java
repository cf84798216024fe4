package io.minxin.e2e.support;

/** The Minxin services and the console, each run from its own {@code -exec.jar} as a separate process. */
public enum Service {
    INTAKE("intake-service"),
    METRICS("metrics-service"),
    RANKING("ranking-service"),
    NOTICE("notice-service"),
    GATEWAY("gateway"),
    CONSOLE("console");

    private final String artifact;

    Service(String artifact) {
        this.artifact = artifact;
    }

    /** The Maven module and artifact id, also the {@code service} label of the Prometheus targets. */
    public String artifact() {
        return artifact;
    }
}
