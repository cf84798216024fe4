package io.minxin.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project's version, put into {@code minxin-archive.properties} by the build (resource filtering). */
final class MinxinVersion {
    private static final String RESOURCE = "/minxin-archive.properties";

    static String get() {
        try (InputStream in = MinxinVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MinxinVersion() {}
}
