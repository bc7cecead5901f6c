package org.peerpulse.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets this JVM is listening on, read from Linux's /proc: it shows the address each
 * server socket is really bound to, without sending anything to a non-loopback address.
 */
public final class ListeningSockets {

    private ListeningSockets() {
    }

    public static boolean available() {
        return Files.isReadable(Path.of("/proc/net/tcp")) && Files.isDirectory(Path.of("/proc/self/fd"));
    }

    public static Set<InetSocketAddress> ofThisProcess() {
        Set<String> inodes = socketInodes();
        Set<InetSocketAddress> listening = new HashSet<>();
        listening.addAll(read(Path.of("/proc/net/tcp"), inodes));
        listening.addAll(read(Path.of("/proc/net/tcp6"), inodes));
        return listening;
    }

    private static Set<String> socketInodes() {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while listing
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inodes;
    }

    private static List<InetSocketAddress> read(Path table, Set<String> inodes) {
        if (!Files.isReadable(table)) {
            return List.of();
        }
        try {
            return Files.readAllLines(table).stream().skip(1)
                    .map(line -> line.trim().split("\\s+"))
                    .filter(fields -> fields[3].equals("0A") && inodes.contains(fields[9]))
                    .map(fields -> address(fields[1]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InetSocketAddress address(String hexAddressAndPort) {
        String[] parts = hexAddressAndPort.split(":");
        String hex = parts[0];
        byte[] bytes = new byte[hex.length() / 2];
        // /proc prints each 32-bit word in host (little-endian) order.
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int from = (word * 4 + (3 - b)) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(from, from + 2), 16);
            }
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(bytes), Integer.parseInt(parts[1], 16));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(hexAddressAndPort, e);
        }
    }
}
