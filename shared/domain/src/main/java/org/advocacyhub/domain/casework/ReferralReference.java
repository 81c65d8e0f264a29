package org.advocacyhub.domain.casework;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The human-friendly reference of a referral, shown to the referrer and used in every email:
 * {@code <CONTRACT>-<YYYY>-<6-digit sequence>}, e.g. {@code LLR-2026-000042} (requirements §3).
 * The sequence runs per contract and calendar year of receipt (UK time).
 */
public record ReferralReference(String contract, int year, long sequence) {

    private static final Pattern FORMAT = Pattern.compile("^([A-Z]{2,10})-(\\d{4})-(\\d{6})$");
    private static final Pattern CONTRACT = Pattern.compile("[A-Z]{2,10}");

    public ReferralReference {
        if (!CONTRACT.matcher(contract).matches()) {
            throw new IllegalArgumentException("contract code must be 2-10 capital letters");
        }
        if (year < 2000 || year > 9999) {
            throw new IllegalArgumentException("year out of range");
        }
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("sequence must be 1 to 999999 (per contract and year)");
        }
    }

    public static Optional<ReferralReference> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches() || Long.parseLong(m.group(3)) == 0) {
            return Optional.empty();
        }
        return Optional.of(new ReferralReference(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3))));
    }

    /** {@code <contract>-<year>-<sequence in six digits>}, built by hand: every key and email of a request asks for it, and String.format is slow. */
    public String value() {
        String digits = Long.toString(sequence);
        StringBuilder text = new StringBuilder(contract.length() + 12).append(contract).append('-').append(year).append('-');
        for (int pad = digits.length(); pad < 6; pad++) {
            text.append('0');
        }
        return text.append(digits).toString();
    }

    @Override
    public String toString() {
        return value();
    }
}
