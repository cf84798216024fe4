package io.minxin.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one stack of a test JVM: started on first use, stopped at the end of the test run or of the JVM. */
final class SharedStack {
    private static final Logger log = LoggerFactory.getLogger(SharedStack.class);

    /** What a test can do with the stack, whichever servers run it. */
    interface Running extends AutoCloseable {
        LocalStackEndpoints endpoints();

        /** The embedded stack, or null when containers run it. */
        LocalStack embedded();

        @Override
        void close();
    }

    private static Running running;
    private static boolean shutdownHookAdded;

    static synchronized Running get() {
        if (running == null) {
            running = DockerProbe.useTestcontainers() ? ContainerStack.start() : EmbeddedStack.start();
            publish(running.endpoints());
            if (!shutdownHookAdded) {
                // Backstop for use outside a JUnit run (static accessors); stop() is idempotent.
                Runtime.getRuntime().addShutdownHook(new Thread(SharedStack::stop, "local-stack-test-shutdown"));
                shutdownHookAdded = true;
            }
        }
        return running;
    }

    static synchronized void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /** So a Spring Boot test context created later in the same JVM connects to this stack. */
    private static void publish(LocalStackEndpoints endpoints) {
        System.setProperty("minxin.kafka.bootstrap", endpoints.bootstrapServers());
        System.setProperty("spring.kafka.bootstrap-servers", endpoints.bootstrapServers());
        System.setProperty("spring.cloud.stream.kafka.binder.brokers", endpoints.bootstrapServers());
        System.setProperty("spring.cloud.stream.kafka.streams.binder.brokers", endpoints.bootstrapServers());
        System.setProperty("minxin.mongodb.uri", endpoints.mongoUri());
        log.info("Test stack ready: kafka={} mongodb={}", endpoints.bootstrapServers(), endpoints.mongoUri());
    }

    /** The embedded servers on free ports and a temporary directory, removed when stopped. */
    private static final class EmbeddedStack implements Running {
        private final LocalStack stack;

        private EmbeddedStack(LocalStack stack) {
            this.stack = stack;
        }

        static EmbeddedStack start() {
            try {
                Path dir = Files.createTempDirectory("minxin-local-stack-");
                return new EmbeddedStack(LocalStack.start(LocalStack.Settings.freePorts(dir)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary directory", e);
            }
        }

        @Override
        public LocalStackEndpoints endpoints() {
            return stack.endpoints();
        }

        @Override
        public LocalStack embedded() {
            return stack;
        }

        @Override
        public void close() {
            try {
                stack.close();
            } finally {
                DataDirs.deleteRecursively(stack.dataDir());
            }
        }
    }

    private SharedStack() {}
}
