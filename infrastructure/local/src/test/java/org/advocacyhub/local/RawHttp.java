package org.advocacyhub.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so a test sees header names byte for byte as they were sent (the JDK's HTTP clients
 * normalise or case-fold them) and sees whether a response to HEAD carried a body.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** A response as it arrived: status, headers in order with their names' case, and the bytes after the head. */
    record Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {

        /** The values of the headers named exactly {@code name} (case included). */
        List<String> exactly(String name) {
            return headers.stream().filter(h -> h.getKey().equals(name)).map(Map.Entry::getValue).toList();
        }

        /** The names of the headers named {@code name} in any case. */
        List<String> namesLike(String name) {
            return headers.stream().map(Map.Entry::getKey).filter(n -> n.equalsIgnoreCase(name)).toList();
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Sends one request on a new connection ({@code Connection: close}) and reads the whole answer. */
    static Response send(int port, String method, String path, List<String> headerLines, byte[] body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            // A gateway that never answers fails the test instead of hanging the build.
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n");
            headerLines.forEach(line -> head.append(line).append("\r\n"));
            if (body.length > 0) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readAllBytes(), method);
        }
    }

    /**
     * Sends GETs for {@code paths} one after another on one kept-alive connection, as a browser does, each after the
     * previous answer was read (by its Content-Length).
     */
    static List<Response> getOnOneConnection(int port, List<String> paths) throws IOException {
        List<Response> responses = new ArrayList<>();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (String path : paths) {
                out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                while (indexOf(head.toByteArray(), "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)) < 0) {
                    int b = in.read();
                    if (b < 0) {
                        throw new IOException("Connection closed after " + responses.size() + " answers");
                    }
                    head.write(b);
                }
                Response headOnly = parse(head.toByteArray(), "GET");
                int length = Integer.parseInt(headOnly.headers().stream()
                        .filter(h -> h.getKey().equalsIgnoreCase("Content-Length")).findFirst().orElseThrow().getValue());
                responses.add(new Response(headOnly.status(), headOnly.headers(), in.readNBytes(length)));
            }
        }
        return responses;
    }

    static Response send(int port, String method, String path, List<String> headerLines) throws IOException {
        return send(port, method, path, headerLines, new byte[0]);
    }

    private static Response parse(byte[] bytes, String method) throws IOException {
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            throw new IOException("No complete response head in " + new String(bytes, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String line : Arrays.asList(lines).subList(1, lines.length)) {
            int colon = line.indexOf(':');
            headers.add(Map.entry(line.substring(0, colon), line.substring(colon + 1).strip()));
        }
        byte[] body = Arrays.copyOfRange(bytes, end + 4, bytes.length);
        boolean chunked = headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Transfer-Encoding")
                && h.getValue().toLowerCase(Locale.ROOT).contains("chunked"));
        return new Response(status, headers, chunked && !method.equals("HEAD") ? dechunk(body) : body);
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("Truncated chunked body");
                }
                size.append((char) c);
            }
            int length = Integer.parseInt(size.toString().strip().split(";")[0], 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            in.skip(2);
        }
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
