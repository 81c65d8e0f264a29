package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The local table holds personal data typed into the form, so nothing {@code ./run-local} starts may be reachable
 * from another machine: every engine and the API gateway listen on the loopback interface only.
 */
class LoopbackOnlyIT {

    @Test
    void noPartOfRunLocalListensOnANonLoopbackAddress() throws Exception {
        Map<String, String> env = Map.of("PORT", freePort(), "DYNAMODB_PORT", freePort(), "SQS_PORT", freePort(),
                "SES_PORT", freePort(), "S3_PORT", freePort());
        try (LocalHub hub = new LocalHub()) {
            LocalHub.Running running = hub.start(env);
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("API gateway", running.port());
            ports.put("DynamoDB Local", running.engines().dynamoDbPort());
            ports.put("ElasticMQ", running.engines().sqsPort());
            ports.put("aws-ses-v2-local", running.engines().sesEnginePort());
            ports.put("SES proxy (the mailbox page)", running.engines().sesPort());
            ports.put("DynamoDB proxy", running.engines().dynamoDbFaults().port());
            ports.put("s3proxy", running.engines().s3Port());
            assertEquals(env.get("PORT"), String.valueOf(running.port()), "the gateway took the port it was given");
            assertEquals(env.get("S3_PORT"), String.valueOf(running.engines().s3Port()), "s3proxy took the port it was given");

            for (Map.Entry<String, Integer> port : ports.entrySet()) {
                if (ListeningSockets.kernelTableAvailable()) {
                    List<InetAddress> listening = ListeningSockets.listeningAddresses(port.getValue());
                    assertFalse(listening.isEmpty(), port.getKey() + " is listening on port " + port.getValue());
                    assertTrue(listening.stream().allMatch(InetAddress::isLoopbackAddress),
                            port.getKey() + " listens on " + listening + ": loopback only, please");
                } else {
                    assertEquals(List.of(), ListeningSockets.reachableFromOutside(port.getValue()),
                            port.getKey() + " accepts connections on these non-loopback addresses");
                }
            }
        }
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return String.valueOf(socket.getLocalPort());
        }
    }
}
