package io.minxin.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire-compatible server (mongo-java-server) whose documents live in one H2 MVStore file, so they
 * survive a restart. Known gaps against a real MongoDB: no change streams, no multi-document transactions.
 */
public final class MongoWireServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MongoWireServer.class);
    private static final String HOST = "127.0.0.1";

    private final Path storeFile;
    private final int port;
    private MongoServer server;

    /**
     * @param storeFile the MVStore file; created with its parent directories when missing
     * @param port listening port, 0 for a free one (picked once and kept across restarts)
     */
    public MongoWireServer(Path storeFile, int port) {
        this.storeFile = storeFile.toAbsolutePath().normalize();
        this.port = FreePorts.resolve(port)[0];
    }

    /** Opens the store and starts listening; does nothing when already running. */
    public synchronized MongoWireServer start() {
        if (server != null) {
            return this;
        }
        try {
            Files.createDirectories(storeFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + storeFile.getParent(), e);
        }
        H2Backend backend = new LocalMongoBackend(storeFile.toString());
        MongoServer starting = new MongoServer(backend);
        try {
            starting.bind(HOST, port);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        server = starting;
        log.info("MongoDB-wire server up on {} (data in {})", connectionString(), storeFile);
        return this;
    }

    /** Stops listening and closes the store, which writes everything to the file. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        // Closes the H2 backend too; a stopped MongoServer cannot bind again, so start() makes a new one.
        server.shutdown();
        server = null;
        log.info("MongoDB-wire server on port {} stopped", port);
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code mongodb://127.0.0.1:port}, without a database: each service picks its own. */
    public String connectionString() {
        return "mongodb://" + HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path storeFile() {
        return storeFile;
    }

    @Override
    public void close() {
        stop();
    }
}
