package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Reading /proc/net/tcp addresses, on which LoopbackOnlyIT rests. */
class ListeningSocketsTest {

    private final boolean littleEndian = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    @Test
    void readsIpv4AndIpv6AddressesInTheMachinesByteOrder() throws Exception {
        assertEquals(InetAddress.getByName("127.0.0.1"), ListeningSockets.address(littleEndian ? "0100007F" : "7F000001"));
        assertEquals(InetAddress.getByName("192.168.1.20"), ListeningSockets.address(littleEndian ? "1401A8C0" : "C0A80114"));
        assertEquals(InetAddress.getByName("::1"),
                ListeningSockets.address(littleEndian ? "00000000000000000000000001000000" : "00000000000000000000000000000001"));
        assertEquals(InetAddress.getByName("::"), ListeningSockets.address("00000000000000000000000000000000"));
        // An IPv4-mapped loopback address, as a dual-stack socket bound to 127.0.0.1 shows in tcp6.
        assertTrue(ListeningSockets.address(littleEndian ? "0000000000000000FFFF00000100007F" : "00000000000000000000FFFF7F000001")
                .isLoopbackAddress());
        assertFalse(ListeningSockets.address("00000000").isLoopbackAddress());
    }

    @Test
    void findsASocketListeningOnAllInterfacesAndOneOnLoopbackOnly() throws Exception {
        assumeTrue(ListeningSockets.kernelTableAvailable(), "Linux only: no /proc/net/tcp here");
        try (ServerSocket everywhere = new ServerSocket(0);
             ServerSocket loopback = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertTrue(ListeningSockets.listeningAddresses(everywhere.getLocalPort()).stream().noneMatch(InetAddress::isLoopbackAddress),
                    ListeningSockets.listeningAddresses(everywhere.getLocalPort()).toString());
            assertFalse(ListeningSockets.listeningAddresses(everywhere.getLocalPort()).isEmpty());
            assertTrue(ListeningSockets.listeningAddresses(loopback.getLocalPort()).stream().allMatch(InetAddress::isLoopbackAddress));
            assertFalse(ListeningSockets.listeningAddresses(loopback.getLocalPort()).isEmpty());
        }
    }
}
