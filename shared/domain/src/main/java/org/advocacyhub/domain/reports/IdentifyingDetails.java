package org.advocacyhub.domain.reports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The personal-data rule for text staff write for a council's return: brief details of complaints
 * and compliments, progress of enquiries, case studies and service summaries. The emailed workbook
 * holds no personal data (LLR 26.9, 27.6; LEW 14.3), so what staff write for it must not identify
 * anyone. A machine cannot know every name; it refuses what it can recognise, and the form's hint
 * asks staff for the rest.
 *
 * <p>Interpretation of "identifying": an email address, a telephone or NHS number (10 or 11
 * digits), a full UK postcode (the district alone, {@code LE1}, is how the returns count areas and
 * is allowed), a full date (a date of birth or of an event pins a person down; "in March" does
 * not), a case reference ({@code LLR-2026-000123}), a title followed by a name ({@code Mrs Smith}),
 * or any word of a name the hub holds for the people concerned (the case's person, for a case
 * study).
 */
public final class IdentifyingDetails {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(?:\\+44\\s?|0)?\\d(?:[\\s-]?\\d){9,10}(?!\\d)");
    private static final Pattern POSTCODE = Pattern.compile("(?i)\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}\\b");
    private static final Pattern NUMERIC_DATE = Pattern.compile("\\b(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{1,2}-\\d{1,2})\\b");
    private static final Pattern WRITTEN_DATE = Pattern.compile("(?i)\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
            + "oct|nov|dec)[a-z]*\\.?,?\\s+\\d{4}\\b");
    private static final Pattern REFERENCE = Pattern.compile("\\b[A-Z]{2,10}-\\d{4}-\\d{6}\\b");
    private static final Pattern TITLE_AND_NAME = Pattern.compile("\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\\.?\\s+[A-Z][a-z]");

    private IdentifyingDetails() {
    }

    /**
     * What in {@code text} could identify someone, in plain words ("an email address", "a full date"); empty when
     * nothing. {@code names}: the names the hub holds for the people the text is about; each word of two or more
     * letters is looked for as a whole word, in any case.
     */
    public static List<String> in(String text, Collection<String> names) {
        List<String> found = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        if (EMAIL.matcher(text).find()) {
            found.add("an email address");
        }
        if (POSTCODE.matcher(text).find()) {
            found.add("a full postcode (the district alone, like LE1, is fine)");
        }
        // A case reference's digits are not a telephone number: it is named as what it is.
        if (PHONE.matcher(REFERENCE.matcher(text).replaceAll(" ")).find()) {
            found.add("a telephone or NHS number");
        }
        if (NUMERIC_DATE.matcher(text).find() || WRITTEN_DATE.matcher(text).find()) {
            found.add("a full date (give the month, like 'in March')");
        }
        if (REFERENCE.matcher(text).find()) {
            found.add("a case reference");
        }
        if (TITLE_AND_NAME.matcher(text).find()) {
            found.add("a title with a name");
        }
        String lower = text.toLowerCase(Locale.UK);
        for (String name : names) {
            for (String word : name.toLowerCase(Locale.UK).split("[^\\p{L}']+")) {
                if (word.length() >= 2 && Pattern.compile("(?<![\\p{L}])" + Pattern.quote(word) + "(?![\\p{L}])").matcher(lower).find()) {
                    found.add("the person's name");
                    return found;
                }
            }
        }
        return found;
    }

    /** The error for a field whose text could identify someone: "Brief details must not identify anyone: it has an email address". */
    public static String message(String fieldLabel, List<String> found) {
        return fieldLabel + " must not identify anyone: it has " + String.join(" and ", found);
    }
}
