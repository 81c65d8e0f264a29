package org.advocacyhub.domain.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalTime;
import org.advocacyhub.domain.testing.London;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceHoursTest {

    private static final ServiceHours DERBY = new ServiceHours(LocalTime.of(8, 0), LocalTime.of(20, 0), ServiceHours.Days.EVERY_DAY);
    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();

    @ParameterizedTest(name = "LLR 9.20 / LEW 8.5: at {0} London the service is open: {1}; it next opens {2}")
    @CsvSource({
        "2026-11-16T10:00, true,  2026-11-16T10:00",
        "2026-11-16T08:59, false, 2026-11-16T09:00",
        "2026-11-16T17:00, false, 2026-11-17T09:00",
        "2026-11-20T18:00, false, 2026-11-23T09:00",
        "2026-12-24T20:00, false, 2026-12-29T09:00",
        "2026-12-28T10:00, false, 2026-12-29T09:00"
    })
    void officeHours(String at, boolean open, String nextOpening) {
        assertEquals(open, ServiceHours.OFFICE_HOURS.isOpenAt(London.at(at), calendar));
        assertEquals(London.at(nextOpening), ServiceHours.OFFICE_HOURS.nextOpening(London.at(at), calendar));
    }

    @ParameterizedTest(name = "DERBY 3.3.6: at {0} London the service is open: {1}; it next opens {2}")
    @CsvSource({
        "2026-12-25T08:00, true,  2026-12-25T08:00",
        "2026-12-25T19:59, true,  2026-12-25T19:59",
        "2026-12-25T20:00, false, 2026-12-26T08:00",
        "2026-11-22T07:00, false, 2026-11-22T08:00"
    })
    void derbyEveryDay(String at, boolean open, String nextOpening) {
        assertEquals(open, DERBY.isOpenAt(London.at(at), calendar));
        assertEquals(London.at(nextOpening), DERBY.nextOpening(London.at(at), calendar));
    }

    @Test
    @DisplayName("service hours must close after they open")
    void closesAfterOpening() {
        assertThrows(IllegalArgumentException.class,
                () -> new ServiceHours(LocalTime.of(17, 0), LocalTime.of(9, 0), ServiceHours.Days.WORKING_DAYS));
    }
}
