package org.advocacyhub.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The times in sort keys: fixed width, so that text order is time order (TableKeys' class comment). */
class TableKeysTest {

    private static final DateTimeFormatter PATTERN =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"2026-12-02T09:00:00Z, 2026-12-02T09:00:00.000Z", "2026-03-29T00:59:59.999999999Z, 2026-03-29T00:59:59.999Z",
        "1969-12-31T23:59:59.5Z, 1969-12-31T23:59:59.500Z", "0000-01-01T00:00:00Z, 0000-01-01T00:00:00.000Z",
        "9999-12-31T23:59:59.001Z, 9999-12-31T23:59:59.001Z", "+10000-01-01T00:00:00Z, +10000-01-01T00:00:00.000Z"})
    @DisplayName("UTC to the millisecond, truncated, as the table's pattern writes it")
    void written(String instant, String expected) {
        assertEquals(expected, TableKeys.sortable(Instant.parse(instant)));
    }

    @Test
    @DisplayName("any time from year 0 to 9999 is written as the pattern writes it")
    void asThePattern() {
        Random random = new Random(12);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant at = Instant.ofEpochSecond(first + (long) (random.nextDouble() * (last - first)), random.nextInt(1_000_000_000));
            assertEquals(PATTERN.format(at), TableKeys.sortable(at), at::toString);
        }
    }

    @ParameterizedTest(name = "{0} is LLR''s: {1}")
    @CsvSource({"CASE#LLR-2026-000042, true", "MESSAGE#AP-LLR-2026-000001, true", "MESSAGE-SOURCE#LLR#0a1b, true",
        "RETURNS#LLR#FY2026Q2, true", "REPORT#RPT-LLR-FY2026Q2-3F2A9B01C4, true", "REPORT-DUE#LLR#FY2026Q2, true",
        "SEQUENCE#LLR#2026, true", "SEQUENCE#AP-LLR#2026, true",
        "CASE#LEW-2026-000001, false", "CASE#LLRX-2026-000001, false", "MESSAGE#AP-LEW-2026-000001, false", "RETURNS#LEW#FY2026Q2, false",
        "REPORT#RPT-DERBY-FY2026Q2-1, false", "SEQUENCE#LLRX#2026, false", "STAFF, false", "LOGIN#sub, false", "SESSION#ab, false",
        "IDEMPOTENCY#ab, false", "REQUEST#ab, false", "DIGEST#2026-07-01, false", "KEY#RETENTION, false", "HANDOVER#LLR, false"})
    @DisplayName("issue 22 item 4: a contract's partitions are its own and no other's")
    void contractPartitions(String pk, boolean llr) {
        assertEquals(llr, TableKeys.contractPartitionPrefixes("LLR").stream().anyMatch(pk::startsWith));
    }
}
