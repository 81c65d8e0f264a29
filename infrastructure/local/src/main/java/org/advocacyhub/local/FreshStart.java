package org.advocacyhub.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./run-local --fresh}: deletes the data a previous run kept, saying what it deleted (each engine's directory,
 * with its number of files and size, never what is in them), so a person knows what went before it starts empty.
 */
final class FreshStart {

    /** What each part of the data directory is, for the person reading. */
    private static final Map<String, String> PARTS = Map.of(
            "dynamodb", "the table (DynamoDB Local)",
            "sqs", "the queues and their messages (ElasticMQ)",
            "s3", "the bucket's objects (s3proxy)",
            "ses", "the sent mail's journal (mailbox)",
            ClockPosition.FILE_NAME, "the clock's position");

    private FreshStart() {
    }

    /** Deletes {@code data} and everything in it, printing one line per part to {@code out}. */
    static void delete(Path data, PrintStream out) {
        if (!Files.exists(data)) {
            out.println("run-local --fresh: nothing to delete, " + data + " does not exist");
            return;
        }
        try (Stream<Path> parts = Files.list(data)) {
            List<Path> entries = parts.sorted().toList();
            out.println("run-local --fresh: deleting " + data + (entries.isEmpty() ? " (empty)" : ":"));
            for (Path entry : entries) {
                long[] filesAndBytes = measure(entry);
                String name = entry.getFileName().toString();
                out.printf("  %-14s %s: %d file(s), %s%n", name, PARTS.getOrDefault(name, "kept by an earlier run"),
                        filesAndBytes[0], size(filesAndBytes[1]));
            }
            deleteTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + data, e);
        }
    }

    private static long[] measure(Path entry) throws IOException {
        try (Stream<Path> files = Files.walk(entry)) {
            long[] total = new long[2];
            files.filter(Files::isRegularFile).forEach(file -> {
                total[0]++;
                try {
                    total[1] += Files.size(file);
                } catch (IOException ignored) {
                    // gone meanwhile
                }
            });
            return total;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KB";
        }
        return String.format("%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
