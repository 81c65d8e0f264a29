package org.advocacyhub.messaging.email;

import org.advocacyhub.application.port.Mail;
import java.util.ArrayList;
import java.util.List;
import org.advocacyhub.application.port.ReferrerLetters.Promise;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.eligibility.InformationNeeded;
import org.advocacyhub.domain.eligibility.Reason;
import org.advocacyhub.domain.eligibility.ScreeningDecision;
import org.advocacyhub.domain.eligibility.Signpost;

/**
 * The written decision to the referrer (LLR 6.10, 8.35, 9.41): accepted (what happens next and
 * by when), not accepted (each reason in plain words and where else to go), more information
 * needed (what, from whom), or another of the hub's services fits better (LLR 9.33). Each reason
 * names its clause, so a professional can check it. The person appears by initials only.
 */
public final class DecisionLetterEmail {

    private DecisionLetterEmail() {
    }

    /**
     * @param promise on acceptance, what the hub will do next and by when (the allocation deadline,
     *                or for CYP the 72-hour contact, LEW 8.4), or {@code null}
     */
    public static Mail write(ReferralCase referral, Promise promise, String serviceHours) {
        ScreeningDecision decision = referral.screening().decision();
        String reference = referral.reference().value();
        String service = referral.details().service().displayName();
        String person = initials(referral);
        Letter letter = new Letter();
        String subject;
        switch (decision.outcome()) {
            case ELIGIBLE -> {
                subject = "Referral " + reference + " accepted";
                letter.paragraph("We have accepted your referral (" + reference + ") to our " + service + " service for " + endSentence(person));
                reasons(letter, "Why we accepted it", decision.reasons());
                List<String> steps = new ArrayList<>();
                if (promise != null) {
                    steps.add("We will " + promise.what() + " by " + UkDates.timeOnDay(promise.dueAt()) + " (" + promise.clause() + ").");
                }
                if (referral.details().service() != org.advocacyhub.domain.referral.ServiceCode.ACCOMMODATION) {
                    // An accommodation referral is answered to the council's team with an offer or a
                    // decline (DERBY 3.3.1); there is no advocate to make contact.
                    steps.add("The advocate will contact the person and, where it helps, you.");
                }
                letter.heading("What happens next").numbered(steps);
            }
            case NEEDS_INFORMATION -> {
                subject = "Referral " + reference + ": we need more information";
                letter.paragraph("Before we can decide on your referral (" + reference + ") to our " + service + " service for "
                        + person + ", we need more information.");
                List<String> needed = new ArrayList<>();
                for (InformationNeeded item : decision.informationNeeded()) {
                    needed.add(item.what() + " (from " + item.fromWhom() + ")");
                }
                letter.heading("What we need").numbered(needed);
                reasons(letter, "Why we need it", decision.reasons());
                letter.paragraph("We will decide as soon as we have it. Reply by phone or email, quoting " + reference + ".");
            }
            case REDIRECT -> {
                String other = decision.redirectTo() == null ? "another" : "our " + decision.redirectTo().displayName();
                subject = "Referral " + reference + ": " + (decision.redirectTo() == null ? "another service" : decision.redirectTo().displayName());
                letter.paragraph("Thank you for your referral (" + reference + ") to our " + service + " service for " + endSentence(person)
                        + " We think " + other + " service fits better, so we are looking at it under that service.");
                reasons(letter, "Why", decision.reasons());
                letter.paragraph("You do not need to refer again. We will be in touch, quoting " + reference + ".");
            }
            default -> {
                boolean notEligible = decision.outcome() == org.advocacyhub.domain.eligibility.Outcome.NOT_ELIGIBLE;
                subject = "Referral " + reference + (notEligible ? ": not accepted" : ": information and where to get help");
                letter.paragraph(notEligible
                        ? "We are sorry, but we cannot accept your referral (" + reference + ") to our " + service + " service for " + endSentence(person)
                        : "Thank you for your referral (" + reference + ") to our " + service + " service for " + endSentence(person)
                        + " The person does not need an advocate from us, but here is where they can get help.");
                reasons(letter, notEligible ? "Why we cannot accept it" : "Why", decision.reasons());
            }
        }
        if (!decision.signposts().isEmpty()) {
            List<String> where = new ArrayList<>();
            for (Signpost signpost : decision.signposts()) {
                where.add(signpost.name() + ": " + signpost.howTheyHelp());
            }
            letter.heading("Where else to get help").numbered(where);
        }
        if (!decision.alsoLooksEligibleFor().isEmpty() && decision.outcome() != org.advocacyhub.domain.eligibility.Outcome.REDIRECT) {
            letter.paragraph("The person may also be able to get help from our "
                    + String.join(", ", decision.alsoLooksEligibleFor().stream().sorted().map(s -> s.displayName()).toList())
                    + " service. Contact us if you would like us to look at that.");
        }
        letter.heading("Contact us")
                .paragraph(serviceHours + ". Quote " + reference + " whenever you contact us about this referral.")
                .paragraph("If you disagree with this decision, contact us and a manager will review it.");
        return letter.to(referral.details().referrer().email(), subject);
    }

    private static void reasons(Letter letter, String heading, List<Reason> reasons) {
        List<String> lines = new ArrayList<>();
        for (Reason reason : reasons) {
            lines.add(reason.plainEnglish() + " (" + reason.clause() + ")");
        }
        letter.heading(heading).numbered(lines);
    }


    /** Ends a sentence with a full stop, once: initials already end with one. */
    private static String endSentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    static String initials(ReferralCase referral) {
        String initials = referral.details().person().initials();
        return initials.isEmpty() ? "the person you referred"
                : initials.codePoints().mapToObj(Character::toString).collect(java.util.stream.Collectors.joining(".")) + ".";
    }
}
