package org.peerpulse.infra.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The local stack's document store as a process of its own.
 *
 * <p>{@code --file <path.mv.db or dir> --port 27017 [--fresh] [--memory]}: a path ending in
 * {@code .mv.db} is the H2 file, anything else is a directory that gets {@code peerpulse.mv.db};
 * {@code --memory} keeps nothing. Prints {@code READY mongo 127.0.0.1:<port>} on stdout once clients
 * can connect; logs go to stderr. Ctrl-C or SIGTERM close the store cleanly, which flushes the file.
 */
public final class DocumentStoreMain {

    private DocumentStoreMain() {
    }

    public static void main(String[] args) {
        // Before the first logger exists: the mains bring their own logging setup, services never see it.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "embedded-infra-logback.xml");
        }
        Path location = null;
        int port = 27017;
        boolean fresh = false;
        boolean memory = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--file" -> location = Path.of(args[++i]);
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--fresh" -> fresh = true;
                    case "--memory" -> memory = true;
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (location == null && !memory) {
                throw new IllegalArgumentException("--file is required unless --memory is given");
            }
        } catch (RuntimeException e) {
            System.err.println("mongo: " + e.getMessage());
            System.err.println("usage: DocumentStoreMain --file <path.mv.db or dir> [--port 27017] [--fresh] [--memory]");
            System.exit(2);
            return;
        }
        DocumentStore store;
        try {
            if (memory) {
                store = DocumentStore.inMemory(port);
            } else {
                Path file = location.getFileName().toString().endsWith(".mv.db")
                        ? location : location.resolve("peerpulse.mv.db");
                if (fresh) {
                    deleteRecursively(location);
                }
                store = DocumentStore.persistent(file, port);
            }
        } catch (RuntimeException e) {
            System.err.println("mongo: failed to start: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(store::close, "document-store-shutdown"));
        System.out.println("READY mongo 127.0.0.1:" + store.port());
        System.out.flush();
        // Netty's non-daemon event loops keep the process alive until a signal runs the hook.
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
