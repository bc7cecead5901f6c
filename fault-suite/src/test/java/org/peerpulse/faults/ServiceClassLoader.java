package org.peerpulse.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The class loader of one service: its own classes and resources (application.yml, templates, messages) over
 * the suite's class path, which holds every library the services use but none of the services themselves.
 *
 * <p>Three services in one JVM cannot share one class path: each has an {@code application.yml} at the root,
 * and two have {@code messages.properties} and templates, so the first on the path would shadow the others.
 * Maven hands the tests each service's artifact; a packaged service is a Spring Boot jar whose classes sit under
 * {@code BOOT-INF/classes/}, which are unpacked once to a temporary directory (its nested libraries are not:
 * the suite's class path already has them at the same versions).
 */
final class ServiceClassLoader extends URLClassLoader {

    private static final String BOOT_CLASSES = "BOOT-INF/classes/";

    private ServiceClassLoader(String service, URL classes, ClassLoader parent) {
        super(service, new URL[] {classes}, parent);
    }

    /** A loader for the service whose artifact Maven passes as system property {@code peerpulse.fault.<service>}. */
    static ServiceClassLoader of(String service) {
        String artifact = System.getProperty("peerpulse.fault." + service);
        if (artifact == null || artifact.isBlank() || artifact.startsWith("${")) {
            throw new IllegalStateException("no artifact for " + service + ": run the suite through Maven "
                    + "(./mvnw -pl fault-suite -am verify), which passes -Dpeerpulse.fault." + service);
        }
        Path path = Path.of(artifact);
        return new ServiceClassLoader(service, url(classesOf(service, path)), ServiceClassLoader.class.getClassLoader());
    }

    private static Path classesOf(String service, Path artifact) {
        if (Files.isDirectory(artifact)) {
            return artifact;
        }
        try (JarFile jar = new JarFile(artifact.toFile())) {
            if (jar.getEntry(BOOT_CLASSES) == null) {
                return artifact;
            }
            Path target = Files.createTempDirectory("peerpulse-fault-" + service + "-");
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(BOOT_CLASSES) || entry.isDirectory()) {
                    continue;
                }
                Path file = target.resolve(entry.getName().substring(BOOT_CLASSES.length())).normalize();
                if (!file.startsWith(target)) {
                    throw new IllegalStateException("entry outside the classes directory: " + entry.getName());
                }
                Files.createDirectories(file.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + artifact, e);
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
