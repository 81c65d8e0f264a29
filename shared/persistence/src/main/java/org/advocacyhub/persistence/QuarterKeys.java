package org.advocacyhub.persistence;

import java.time.Instant;

/** The financial quarter key (e.g. {@code FY2026Q3}) that partitions the reports index. */
@FunctionalInterface
public interface QuarterKeys {
    String keyOf(Instant receivedAt);
}
