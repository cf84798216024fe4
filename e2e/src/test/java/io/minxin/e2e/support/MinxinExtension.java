package io.minxin.e2e.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes the running {@link Minxin}: started on first use, shared by every class of the test JVM,
 * stopped when the whole run ends (the root store closes it). Tests take it as a parameter.
 */
public final class MinxinExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MinxinExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Minxin.get();
        context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent("minxin", key -> (AutoCloseable) Minxin::stopShared, AutoCloseable.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Minxin.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return Minxin.get();
    }
}
