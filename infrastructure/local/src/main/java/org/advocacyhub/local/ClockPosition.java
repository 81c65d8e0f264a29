package org.advocacyhub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Where {@code ./run-local}'s clock stands, kept in the data directory as its offset from the system clock: a restarted
 * stack resumes the clock where {@code /_local/clock} (or {@code LOCAL_CLOCK}) left it, so what was stamped with a
 * moved time does not lie in the future, and a schedule already fired does not fire again. {@code LOCAL_CLOCK} given
 * explicitly still wins, and is kept in turn.
 */
final class ClockPosition {

    static final String FILE_NAME = "clock-offset";

    private final Path file;

    ClockPosition(Path dataDirectory) {
        this.file = dataDirectory.resolve(FILE_NAME);
    }

    /** The offset to start with: {@code LOCAL_CLOCK} when set, else the one kept, else none. */
    Duration startingOffset(String localClock, Clock system) {
        if (localClock != null && !localClock.isBlank()) {
            return LocalClock.offset(localClock, system);
        }
        if (!Files.isRegularFile(file)) {
            return Duration.ZERO;
        }
        String kept;
        try {
            kept = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the local clock's position from " + file, e);
        }
        try {
            return kept.isEmpty() ? Duration.ZERO : Duration.parse(kept);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(file + " should hold the local clock's offset (an ISO-8601 duration such as PT26H); "
                    + "delete it to start the clock at the real time, or set LOCAL_CLOCK");
        }
    }

    /** Keeps {@code offset}: written beside the file, forced to disk, then moved over it, so a kill leaves one or the other. */
    void save(Duration offset) {
        Path next = file.resolveSibling(FILE_NAME + ".next");
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(java.nio.ByteBuffer.wrap((offset + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the local clock's position in " + file, e);
        }
    }
}
