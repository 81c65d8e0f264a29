package org.advocacyhub.domain.reports;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.referral.Person;

/**
 * The stable key of a person within a contract, so that a person referred more than once is
 * counted once among the people supported (LLR 4.5 "Unique Persons", 26.17; LEW Appendix 1
 * "individual young people").
 *
 * <h2>The rule</h2>
 * Two referrals of one contract are taken to be the same person when they give the <b>same date
 * of birth</b> and the <b>same name after normalising</b> it:
 * <ol>
 *   <li>accents and other marks are removed (compatibility decomposition, then the marks
 *       dropped: "Zoë" is "Zoe", "José" is "Jose");</li>
 *   <li>upper and lower case are the same ("MCDONALD" is "McDonald");</li>
 *   <li>apostrophes and full stops are dropped ("O'Brien" is "OBrien", "St. John" is "St John");</li>
 *   <li>every other character that is not a letter or digit (hyphens, commas, slashes) separates
 *       parts, and runs of spaces are one space ("Mary-Jane  Smith" is "Mary Jane Smith");</li>
 *   <li>the order of the parts does not matter ("Smith, Mary Jane" is "Mary Jane Smith").</li>
 * </ol>
 *
 * <h2>Its limits</h2>
 * <ul>
 *   <li>A nickname, a changed surname, a missing or extra middle name or a typing mistake in the
 *       name or the date of birth makes two people: the count may be a little high, never low
 *       because of it.</li>
 *   <li>Two different people with the same normalised name and the same date of birth are one
 *       person: rare, and the count may then be one low.</li>
 *   <li>"O Brien" and "OBrien" differ (a space makes two parts); letters that do not decompose
 *       ("ø", "ß", "ł") are kept as they are.</li>
 *   <li><b>Without a date of birth</b> (or without a name) a referral cannot be matched safely:
 *       it is its own person, keyed by its referral reference, so each such referral counts once.</li>
 * </ul>
 *
 * <h2>How it is kept</h2>
 * The key is a 64-bit hash of the contract code, the date of birth and the normalised name (the
 * chance that two of 100,000 different people collide is about one in three billion). It lives
 * only in memory while a return is counted, in compact sets of {@code long}s, and is never written
 * to any sheet, emailed or stored: it is not a pseudonym anyone can look up.
 */
public final class PersonKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DROPPED = Pattern.compile("['\u2019\u2018`.]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private PersonKey() {
    }

    /**
     * How an anonymised person's name begins (issue 22): the rest is their keyed pseudonym, the same for every case of one
     * person of one contract, so the person is matched by it alone (their date of birth was replaced case by case).
     */
    public static final String ANONYMISED = "Anonymised ";

    /** The key of the person {@code person} referred in {@code reference} (of {@code contract}). */
    public static long of(String contract, Person person, ReferralReference reference) {
        if (person != null && person.name() != null && person.name().startsWith(ANONYMISED)) {
            return hash("anonymised|" + contract + "|" + person.name().substring(ANONYMISED.length()));
        }
        String name = person == null || person.name() == null ? "" : normalisedName(person.name());
        if (person == null || person.dateOfBirth() == null || name.isEmpty()) {
            // Not matchable: the referral is its own person.
            return hash("ref|" + reference);
        }
        return hash(contract + "|" + person.dateOfBirth() + "|" + name);
    }

    /** The name as the rule compares it: parts without marks, lower case, sorted, one space apart. */
    public static String normalisedName(String name) {
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        plain = DROPPED.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("");
        String[] parts = SEPARATORS.matcher(plain).replaceAll(" ").trim().split(" ");
        if (parts.length == 1 && parts[0].isEmpty()) {
            return "";
        }
        Arrays.sort(parts);
        return String.join(" ", parts);
    }

    /** FNV-1a over the UTF-8 bytes, then a 64-bit finaliser (splitmix64) to spread the bits. */
    private static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h;
    }
}
