package org.advocacyhub.domain.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A figure's clauses in every contract that asks for it, written once next to the figure
 * ({@code "LLR 26.17, 4.5; LEW 17.5"}), and the part a return may show: a council reads its own
 * contract's clauses only (issue 23: the LEW workbook cited LLR in 26 cells).
 *
 * <p>Grammar: parts separated by {@code ,} or {@code ;}; a part starting with a contract code (a word
 * of capitals, e.g. {@code LLR}, {@code LEW}, {@code DERBY}) opens that contract's group and the parts
 * after it without a code continue it ({@code "LLR 26.12, 26.13"} is two LLR clauses). A group that
 * names no contract ({@code requirements §10}, this project's digest, which is public with the code)
 * is shown in every return.
 */
public final class Citation {

    /** A contract code: a word of two or more capitals, then a space. */
    private static final Pattern CODE = Pattern.compile("^([A-Z]{2,})\\s+(.+)$");
    private static final String OWN_WORDS = "requirements";

    private Citation() {
    }

    /**
     * The clauses of {@code clauses} that {@code contractCode}'s return may show: that contract's
     * group and any group naming no contract, in the order written; {@code ""} when none.
     */
    public static String forContract(String contractCode, String clauses) {
        Map<String, List<String>> groups = groups(clauses);
        List<String> shown = new ArrayList<>();
        groups.forEach((code, parts) -> {
            if (code.equals(contractCode) || code.equals(OWN_WORDS)) {
                shown.add(code + " " + String.join(", ", parts));
            }
        });
        return String.join("; ", shown);
    }

    /** {@code label (clauses)} with this contract's clauses, or the label alone when it has none. */
    public static String label(String contractCode, String label, String clauses) {
        String own = forContract(contractCode, clauses);
        return own.isEmpty() ? label : label + " (" + own + ")";
    }

    /** The contract codes {@code clauses} names, in order, e.g. {@code [LLR, LEW]}. */
    public static List<String> contracts(String clauses) {
        List<String> codes = new ArrayList<>(groups(clauses).keySet());
        codes.remove(OWN_WORDS);
        return codes;
    }

    private static Map<String, List<String>> groups(String clauses) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        String current = null;
        for (String raw : clauses.split("[,;]")) {
            String part = raw.strip();
            if (part.isEmpty()) {
                continue;
            }
            Matcher code = CODE.matcher(part);
            if (code.matches()) {
                current = code.group(1);
                part = code.group(2);
            } else if (part.startsWith(OWN_WORDS + " ")) {
                current = OWN_WORDS;
                part = part.substring(OWN_WORDS.length() + 1);
            } else if (current == null) {
                throw new IllegalArgumentException("a citation starts with a contract code, e.g. 'LLR 26.17': " + clauses);
            }
            groups.computeIfAbsent(current, c -> new ArrayList<>()).add(part);
        }
        return groups;
    }
}
