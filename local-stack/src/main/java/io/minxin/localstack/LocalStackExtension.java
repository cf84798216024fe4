package io.minxin.localstack;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving integration tests a real Kafka broker and a MongoDB-wire server.
 *
 * <p>One stack per test JVM, shared by every test class: started lazily on first use and stopped when the test
 * run ends. Where a Docker engine is reachable (and {@code MINXIN_TESTCONTAINERS} is not {@code false}) it runs
 * {@code apache/kafka:4.1.0} and {@code mongo:8} on Testcontainers; otherwise the embedded {@link LocalStack} on
 * free ports and a temporary directory. The Minxin topics exist before the first test.
 *
 * <p>Use {@code @ExtendWith(LocalStackExtension.class)} or {@code @RegisterExtension static LocalStackExtension
 * stack = new LocalStackExtension();}. Test methods and constructors may take a {@link LocalStackEndpoints}
 * parameter. Starting also sets the system properties {@code minxin.kafka.bootstrap} (the clients a service builds
 * itself, e.g. the unit registry's), {@code spring.kafka.bootstrap-servers},
 * {@code spring.cloud.stream.kafka.binder.brokers}, {@code spring.cloud.stream.kafka.streams.binder.brokers} and
 * {@code minxin.mongodb.uri}, so Spring Boot tests connect without further configuration.
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        SharedStack.get();
        // The root store closes its AutoCloseable values when the whole test run ends, not after this class.
        context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent("stack", key -> (AutoCloseable) SharedStack::stop, AutoCloseable.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == LocalStackEndpoints.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return endpoints();
    }

    /** Kafka {@code bootstrap.servers} of the shared stack. */
    public String bootstrapServers() {
        return kafkaBootstrapServers();
    }

    /** MongoDB connection string (no database) of the shared stack. */
    public String mongoUri() {
        return mongodbUri();
    }

    /** Endpoints of the shared stack, starting it when not running yet. */
    public static LocalStackEndpoints endpoints() {
        return SharedStack.get().endpoints();
    }

    public static String kafkaBootstrapServers() {
        return endpoints().bootstrapServers();
    }

    public static String mongodbUri() {
        return endpoints().mongoUri();
    }

    /** Whether the embedded servers run the stack, so {@link #embeddedStack()} is available. */
    public static boolean isEmbedded() {
        return SharedStack.get().embedded() != null;
    }

    /**
     * The embedded stack, for fault tests: {@code embeddedStack().kafka().stop()} and {@code .start()} take the
     * broker down and up again on the same ports and data. Guard such tests with
     * {@code assumeTrue(LocalStackExtension.isEmbedded())}.
     *
     * @throws IllegalStateException when Testcontainers runs the stack
     */
    public static LocalStack embeddedStack() {
        LocalStack stack = SharedStack.get().embedded();
        if (stack == null) {
            throw new IllegalStateException("the test stack runs on Testcontainers, not embedded");
        }
        return stack;
    }
}
