package org.advocacyhub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Who can reach a local TCP port. On Linux the kernel's own table of sockets ({@code /proc/net/tcp} and
 * {@code tcp6}) says which addresses a port is listening on; elsewhere the only evidence is trying to connect to the
 * port on each of the machine's non-loopback addresses, as another machine would.
 */
final class ListeningSockets {

    private static final Path TCP4 = Path.of("/proc/net/tcp");
    private static final Path TCP6 = Path.of("/proc/net/tcp6");
    /** The kernel's TCP_LISTEN state, as /proc/net/tcp prints it. */
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** Whether the kernel's socket table can be read here (Linux). */
    static boolean kernelTableAvailable() {
        return Files.isReadable(TCP4);
    }

    /** The local addresses with a socket listening on {@code port}, from /proc/net/tcp and tcp6. */
    static List<InetAddress> listeningAddresses(int port) {
        List<InetAddress> addresses = new ArrayList<>();
        for (Path table : List.of(TCP4, TCP6)) {
            if (!Files.isReadable(table)) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(table);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + table, e);
            }
            for (String line : lines.subList(1, lines.size())) {
                // "  0: 0100007F:1F40 00000000:0000 0A ...": slot, local address:port, remote, state, ...
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                if (fields[3].equals(LISTEN) && Integer.parseInt(local[1], 16) == port) {
                    addresses.add(address(local[0]));
                }
            }
        }
        return addresses;
    }

    /** The non-loopback addresses of this machine's interfaces that accept a connection on {@code port}. */
    static List<InetAddress> reachableFromOutside(int port) {
        List<InetAddress> reachable = new ArrayList<>();
        try {
            for (NetworkInterface networkInterface : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!networkInterface.isUp()) {
                    continue;
                }
                for (InetAddress address : Collections.list(networkInterface.getInetAddresses())) {
                    if (!address.isLoopbackAddress() && accepts(address, port)) {
                        reachable.add(address);
                    }
                }
            }
        } catch (SocketException e) {
            throw new UncheckedIOException("Cannot list the network interfaces", e);
        }
        return reachable;
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException refusedOrUnreachable) {
            return false;
        }
    }

    /**
     * An address as /proc prints it: the 4 or 16 bytes of the address in hex, each 32-bit word in the machine's own
     * byte order (so 127.0.0.1 is {@code 0100007F} on x86 and arm64).
     */
    static InetAddress address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                int from = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? word + 3 - i : word + i;
                bytes[word + i] = (byte) Integer.parseInt(hex.substring(2 * from, 2 * from + 2), 16);
            }
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an address: " + hex, e);
        }
    }
}
