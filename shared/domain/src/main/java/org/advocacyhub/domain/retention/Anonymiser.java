package org.advocacyhub.domain.retention;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.advocacyhub.domain.casework.AccommodationResponse;
import org.advocacyhub.domain.casework.Casework;
import org.advocacyhub.domain.casework.Closure;
import org.advocacyhub.domain.casework.Feedback;
import org.advocacyhub.domain.casework.Goal;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.referral.ReferralDetails;
import org.advocacyhub.domain.referral.Referrer;
import org.advocacyhub.domain.reports.CountingRules;
import org.advocacyhub.domain.reports.PersonKey;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * A case's record with the person taken out of it (issue 22: "personal data removed or replaced, the figures the returns
 * need kept"), as the retention function is to save it. Pure: the case in, the anonymised case out.
 *
 * <p>Interpretation of "the figures the returns need kept", field by field:
 * <ul>
 *   <li>The person's name becomes {@code Anonymised <pseudonym>}, the pseudonym a keyed hash (HMAC-SHA-256 with the
 *       deployment's retention key) of the contract, the date of birth and the name as {@link PersonKey} compares it: the
 *       cases of one person anonymised on different days still count as one person in the returns of their quarters,
 *       and without the key no one can test a guessed name against it.</li>
 *   <li>The date of birth becomes a date that gives the same age on the day the referral was received (the returns'
 *       age band); the postcode its district (the returns' postcode district); gender, ethnicity, disabilities, where
 *       they live (its kind) and the council area stay (each counted, none naming anyone on its own).</li>
 *   <li>Free text goes: the reason for the referral, a fixed date's reason, communication needs, the place's name, the
 *       language; the action plan's goals become "Goal 1", "Goal 2" (their outcomes stay, KPI 4); the closure's summary,
 *       an accommodation answer's details and the person's free-text feedback answers go (yes/no and scale answers
 *       stay); a service answer stays only when it is a code (a decision type).</li>
 *   <li>The referrer keeps their relationship, role and organisation; their name, email and phone go.</li>
 * </ul>
 * A case under a legal hold is never anonymised: asked to, this refuses.
 */
public final class Anonymiser {

    /** What stands where a person's words were. */
    public static final String REMOVED = "Removed under the retention policy";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*|true|false|[0-9]{1,3}");

    private Anonymiser() {
    }

    public static ReferralCase anonymise(ReferralCase c, byte[] retentionKey) {
        if (c.work().legalHold() != null) {
            throw new IllegalStateException(c.reference() + " is under a legal hold: it is kept");
        }
        ReferralDetails d = c.details();
        Person p = d.person();
        LocalDate received = c.receivedAt().atZone(WorkingCalendar.ZONE).toLocalDate();
        Person person = new Person(PersonKey.ANONYMISED + pseudonym(retentionKey, c.reference().contract(), p), sameAge(p.dateOfBirth(), received),
                p.gender(), p.ethnicity(), p.disabilities(), p.residence(), null,
                p.postcode() == null || CountingRules.postcodeDistrict(p.postcode()).equals(CountingRules.NOT_GIVEN) ? null
                        : CountingRules.postcodeDistrict(p.postcode()), p.authority(), null, null, p.interpreterNeeded());
        Referrer r = d.referrer();
        Referrer referrer = r == null ? null : new Referrer(r.relationship(), "Anonymised", r.role(), r.organisation(), null, null);
        Map<String, String> answers = new TreeMap<>();
        d.serviceAnswers().forEach((k, v) -> {
            if (v != null && CODE.matcher(v).matches()) {
                answers.put(k, v);
            }
        });
        ReferralDetails details = new ReferralDetails(d.service(), d.route(), d.source(), person, referrer, d.urgency(), d.fixedDate(),
                null, d.awareness(), REMOVED, answers);
        return c.withDetails(details).worked(c.status(), c.clocks(), work(c.work()));
    }

    /** Whether the case has been anonymised already: its person's name is the pseudonym. */
    public static boolean anonymised(ReferralCase c) {
        String name = c.details().person().name();
        return name != null && name.startsWith(PersonKey.ANONYMISED);
    }

    private static Casework work(Casework w) {
        List<Goal> goals = new ArrayList<>();
        for (int i = 0; i < w.actionPlan().size(); i++) {
            Goal g = w.actionPlan().get(i);
            goals.add(new Goal(g.id(), "Goal " + (i + 1), g.status()));
        }
        Casework out = w.withActionPlan(goals);
        if (w.closure() != null) {
            Closure k = w.closure();
            out = out.withClosure(new Closure(k.reason(), k.at(), k.by(), REMOVED));
        }
        if (w.feedback() != null) {
            Map<String, String> kept = new TreeMap<>();
            w.feedback().answers().forEach((q, a) -> {
                if (a != null && CODE.matcher(a).matches()) {
                    kept.put(q, a);
                }
            });
            out = out.withFeedback(new Feedback(w.feedback().at(), w.feedback().recordedBy(), kept));
        }
        if (w.cypReturn() != null) {
            // LEW 17.5's caseload words (social worker, outcomes sought, summary of work) describe the person: removed.
            org.advocacyhub.domain.casework.CypReturn r = w.cypReturn();
            out = out.withCypReturn(new org.advocacyhub.domain.casework.CypReturn(r.group(), r.primary(), r.secondary(),
                    r.caseload().anonymised()));
        }
        if (w.response() != null) {
            AccommodationResponse a = w.response();
            out = out.withResponse(new AccommodationResponse(a.kind(), a.at(), a.by(), REMOVED, a.placementsPutForward(),
                    a.suitablePlacementsAvailable()));
        }
        return out;
    }

    /** A date of birth giving the same age on {@code received} as {@code dateOfBirth} does, and not that date itself. */
    static LocalDate sameAge(LocalDate dateOfBirth, LocalDate received) {
        if (dateOfBirth == null) {
            return null;
        }
        int age = Period.between(dateOfBirth, received).getYears();
        // The youngest and the oldest date of that age; whichever is not the real one.
        LocalDate youngest = received.minusYears(age);
        return youngest.equals(dateOfBirth) ? received.minusYears(age + 1).plusDays(1) : youngest;
    }

    /** The keyed pseudonym of a person of a contract, as {@link PersonKey} matches people (same date of birth and name). */
    static String pseudonym(byte[] key, String contract, Person person) {
        return pseudonym(key, contract, person.name(), person.dateOfBirth());
    }

    /**
     * The name an anonymised case of the person named {@code name}, born on {@code dateOfBirth}, has in {@code contract}: how a
     * subject access request finds their anonymised (pseudonymised) cases too.
     */
    public static String anonymisedName(byte[] key, String contract, String name, LocalDate dateOfBirth) {
        return PersonKey.ANONYMISED + pseudonym(key, contract, name, dateOfBirth);
    }

    private static String pseudonym(byte[] key, String contract, String personName, LocalDate dateOfBirth) {
        String name = personName == null ? "" : PersonKey.normalisedName(personName);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((contract + "|" + dateOfBirth + "|" + name).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
