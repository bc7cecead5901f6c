package org.peerpulse.infra.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on 127.0.0.1, in memory or backed by an H2
 * MVStore file, whose unique indexes also serve filters that name more fields than the index
 * ({@link IndexedLookups}).
 *
 * <p>{@link #stop()} and {@link #restart()} take the server off its port and put it back on the
 * same port with the same backend, dropping client connections in between, so that tests can watch
 * a service ride out a store outage. {@link #close()} ends it for good and, for a file backend,
 * commits and closes the file: stop the store cleanly, a killed process loses its last writes.
 */
public final class DocumentStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DocumentStore.class);

    private static final String HOST = "127.0.0.1";

    private final MongoBackend backend;

    private final String description;

    private int port;

    private MongoServer server;

    private boolean closed;

    private DocumentStore(MongoBackend backend, String description, int port) {
        this.backend = backend;
        this.description = description;
        this.port = port;
        bind();
    }

    /** An empty store kept in memory; port 0 picks a free port (kept across {@link #restart()}). */
    public static DocumentStore inMemory(int port) {
        return new DocumentStore(IndexedLookups.memoryBackend(), "memory", port);
    }

    /**
     * A store kept in an H2 MVStore file (created if missing); its data survives a clean
     * {@link #close()} and a new {@code persistent} on the same file.
     */
    public static DocumentStore persistent(Path h2File, int port) {
        Path file = h2File.toAbsolutePath();
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory for " + file, e);
        }
        return new DocumentStore(IndexedLookups.h2Backend(file.toString()), "h2 " + file, port);
    }

    /** {@code mongodb://127.0.0.1:<port>}; append {@code /<database>} for Spring's URI property. */
    public synchronized String connectionString() {
        return "mongodb://" + HOST + ":" + port;
    }

    public synchronized int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops listening and drops every client connection; the data stays. No-op when stopped. */
    public synchronized void stop() {
        requireOpen();
        if (server != null) {
            if (backend instanceof H2Backend h2) {
                h2.commit();
            }
            server.shutdownNow();
            server = null;
            log.info("Document store ({}) on {}:{} stopped", description, HOST, port);
        }
    }

    /** Stops (if running) and listens again on the same port with the same data. */
    public synchronized void restart() {
        stop();
        bind();
    }

    /** Stops for good; commits and closes an H2 file. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
        backend.close();
        closed = true;
        log.info("Document store ({}) on {}:{} closed", description, HOST, port);
    }

    private synchronized void bind() {
        requireOpen();
        // MongoServer closes its backend when it shuts down and cannot be bound twice: each start gets
        // a new server over a view of the backend that ignores close(), so stop() keeps the data.
        MongoServer next = new MongoServer(keptOpen(backend));
        next.bind(HOST, port);
        InetSocketAddress address = next.getLocalAddress();
        port = address.getPort();
        server = next;
        log.info("Document store ({}) listening on {}:{}", description, HOST, port);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("document store is closed");
        }
    }

    private static MongoBackend keptOpen(MongoBackend backend) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                return null;
            }
            try {
                return method.invoke(backend, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(),
                new Class<?>[] {MongoBackend.class}, handler);
    }
}
