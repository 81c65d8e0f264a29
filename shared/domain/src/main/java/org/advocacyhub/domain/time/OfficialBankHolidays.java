package org.advocacyhub.domain.time;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.advocacyhub.domain.document.BundledDocument;

/**
 * The official GOV.UK England and Wales bank holiday list, bundled as the classpath resource
 * {@value #RESOURCE} (a copy of {@code https://www.gov.uk/bank-holidays.json}, England and Wales
 * division, with its {@code source} line). Read once per JVM; the project never reads the shared
 * data folder at build or run time.
 *
 * <p>Parsed with SnakeYAML's safe constructor (JSON is valid YAML, and the domain module has no
 * JSON library) when the project is built; a function reads the parsed tree ({@link BundledDocument}).
 *
 * @param source the data's provenance, as written in the file
 * @param holidays every listed day, by date
 * @param firstYear first year the list covers completely
 * @param lastYear last year the list covers completely
 */
record OfficialBankHolidays(String source, NavigableMap<LocalDate, BankHoliday> holidays, int firstYear, int lastYear) {

    static final String RESOURCE = "england-and-wales-bank-holidays.json";

    OfficialBankHolidays {
        Objects.requireNonNull(source, "source");
        holidays = Collections.unmodifiableNavigableMap(new TreeMap<>(holidays));
    }

    boolean covers(int year) {
        return year >= firstYear && year <= lastYear;
    }

    /** The bundled list, read on first use. */
    static OfficialBankHolidays bundled() {
        return Holder.BUNDLED;
    }

    private static final class Holder {
        static final OfficialBankHolidays BUNDLED = read(RESOURCE);
    }

    static OfficialBankHolidays read(String resource) {
        Optional<Object> compiled = BundledDocument.compiled(resource);
        if (compiled.isPresent()) {
            return fromDocument(resource, compiled.get());
        }
        try (InputStream in = OfficialBankHolidays.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + ": bundled bank holiday list is missing from the classpath");
            }
            return parse(resource, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(resource + ": cannot read the bank holiday list", e);
        }
    }

    static OfficialBankHolidays parse(String name, Reader json) {
        return fromDocument(name, BundledDocument.parse(json));
    }

    /** The list from {@code name}'s parsed JSON, or the tree the build compiled from it ({@link BundledDocument}). */
    static OfficialBankHolidays fromDocument(String name, Object root) {
        if (!(root instanceof Map<?, ?> document)) {
            throw new IllegalStateException(name + ": expected a JSON object");
        }
        if (!"england-and-wales".equals(document.get("division"))) {
            throw new IllegalStateException(name + ": division: expected 'england-and-wales' but was '" + document.get("division") + "'");
        }
        if (!(document.get("source") instanceof String source) || source.isBlank()) {
            throw new IllegalStateException(name + ": source: the provenance line is required");
        }
        if (!(document.get("events") instanceof List<?> events) || events.isEmpty()) {
            throw new IllegalStateException(name + ": events: expected a non-empty list");
        }
        NavigableMap<LocalDate, BankHoliday> holidays = new TreeMap<>();
        for (int i = 0; i < events.size(); i++) {
            String path = name + ": events[" + i + "]";
            if (!(events.get(i) instanceof Map<?, ?> event)) {
                throw new IllegalStateException(path + ": expected an object");
            }
            if (!(event.get("title") instanceof String title) || title.isBlank()) {
                throw new IllegalStateException(path + ".title: required");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(String.valueOf(event.get("date")));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(path + ".date: expected yyyy-mm-dd but was '" + event.get("date") + "'", e);
            }
            String notes = event.get("notes") instanceof String text ? text : "";
            boolean substitute = notes.toLowerCase(java.util.Locale.ROOT).contains("substitute");
            if (holidays.put(date, new BankHoliday(date, title, substitute, BankHoliday.Origin.OFFICIAL)) != null) {
                throw new IllegalStateException(path + ".date: " + date + " is listed twice");
            }
        }
        // GOV.UK publishes whole years; the first and last listed years are the covered range.
        return new OfficialBankHolidays(source, holidays, holidays.firstKey().getYear(), holidays.lastKey().getYear());
    }
}
