package org.advocacyhub.web.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the console shows of text the hub wrote for its records (a case's timeline and audit trail, a rule's refusal),
 * in the words staff use (issue 21): times and dates in London local time in UK form, staff by name, clocks by what
 * they ask for, and codes as stored ({@code ELIGIBLE}, {@code LEICESTER}) by their names. The records keep what they
 * say (the JSON API answers them as they are); only what a person reads on a page is put in words, here, once.
 */
public final class ConsoleWords {

    private static final Pattern INSTANT = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?Z\\b");
    private static final Pattern DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
    private static final Pattern QUOTED = Pattern.compile("'([a-z0-9-]+)'");
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b");
    private static final Pattern ID = Pattern.compile("(?<![\\w-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\\w-])");

    private final Map<String, String> staff;
    private final Map<String, String> clocks;
    private final Map<String, String> codes;
    private final Map<String, String> authorities;

    /**
     * @param staff       each member of staff's name by their staff id
     * @param clocks      what each clock asks for by its id ("first-contact": "contact the person")
     * @param codes       each code's name where it stands in a sentence ("ELIGIBLE": "Eligible"); never a contract's code,
     *                    which cites its clauses ("DERBY 3.3.1")
     * @param authorities each council's name by its code ("LEICESTER": "Leicester City Council")
     */
    public ConsoleWords(Map<String, String> staff, Map<String, String> clocks, Map<String, String> codes,
                        Map<String, String> authorities) {
        this.staff = Map.copyOf(staff);
        this.clocks = Map.copyOf(clocks);
        this.codes = Map.copyOf(codes);
        this.authorities = Map.copyOf(authorities);
    }

    /** No names, clocks or codes known: times and dates only. */
    public static final ConsoleWords TIMES_ONLY = new ConsoleWords(Map.of(), Map.of(), Map.of(), Map.of());

    /** A council by its name, or its code when the contracts do not name it. */
    public String authority(String code) {
        return code == null ? null : authorities.getOrDefault(code, code);
    }

    /**
     * A member of staff by name. A sign-in the directory did not know (recorded as {@code login:...}, issue 20) is "a
     * sign-in not in the staff directory"; an id the directory no longer has, "a member of staff no longer in the
     * directory": neither is shown as the id it was recorded with.
     */
    public String staff(String staffId) {
        String name = staff.get(staffId);
        if (name != null) {
            return name;
        }
        if (org.advocacyhub.application.retention.ApplyRetention.BY.equals(staffId)) {
            return "The daily retention run";
        }
        return staffId != null && staffId.startsWith("login:") ? "A sign-in not in the staff directory"
                : "A member of staff no longer in the directory";
    }

    /** A code by its name, or in sentence case when it has none ("NOT_ELIGIBLE": "Not eligible"). */
    public String code(String code) {
        String name = codes.get(code);
        if (name != null) {
            return name;
        }
        String text = code.replace('_', ' ').toLowerCase(Locale.UK);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** {@code text} as a person reads it: every time, date, quoted clock, known code and staff id in it in words. */
    public String of(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = replace(text, INSTANT, m -> {
            try {
                return ConsoleText.when(Instant.parse(m));
            } catch (DateTimeParseException e) {
                return m;
            }
        });
        out = replace(out, DATE, m -> {
            try {
                return ConsoleText.day(LocalDate.parse(m));
            } catch (DateTimeParseException e) {
                return m;
            }
        });
        out = replace(out, QUOTED, m -> {
            String id = m.substring(1, m.length() - 1);
            String asks = clocks.get(id);
            return asks == null ? m : "“" + capitalised(asks) + "”";
        });
        out = replace(out, CODE, m -> codes.getOrDefault(m, m));
        return replace(out, ID, m -> staff.getOrDefault(m, m));
    }

    private static String replace(String text, Pattern pattern, java.util.function.UnaryOperator<String> words) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 32);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(words.apply(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
