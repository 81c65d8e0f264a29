package org.advocacyhub.domain.casework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.domain.contract.HourThreshold;
import org.advocacyhub.domain.referral.ReferralDetails;
import org.advocacyhub.domain.referral.ServiceAnswers;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.advocacyhub.domain.referral.questions.CypReason;

/**
 * The contract's hour thresholds ({@link HourThreshold}) applied to one case's time, written once:
 * the review when a case reaches its review hours (LEW 8.9), the cap that needs the Service
 * Manager's approval to go past (LEW 7.3, 8.11; 15 hours for child protection conference cases,
 * LEW 7.16) and the hours past which a request with reasons must be recorded (LLR 26.17).
 *
 * <p>Interpretation (LEW 8.9 "reaches 8 hours"; LEW 7.2, 8.11 "up to a maximum of 12 hours" and
 * LEW 7.3 "more than 12 hours"; LEW 7.16 "a maximum of 15 hours"; LLR 26.17 and issue 8 "work past
 * 20 hours"): a threshold is <em>reached</em> when the case's total is at least its hours, so the
 * review is due at 8 h 00 min exactly; a limit <em>allows</em> a total up to and including its
 * hours and refuses anything past it, so 12 h 00 min is within the cap and 12 h 01 min needs the
 * approval, and likewise 15 hours and 20 hours. Totals are direct and indirect time together
 * (LEW 7.2: "inclusive of all aspects of preparation, research, travel...").
 *
 * <p>Only a change that raises the total is checked against the limits: lowering an entry, or
 * moving time between direct and indirect, is always allowed, so a mistake can be corrected
 * whatever the total.
 */
public final class HourRules {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private HourRules() {
    }

    /**
     * What a change of a case's time comes to.
     *
     * @param after     the case's hours after the change (the review marked raised when it falls due);
     *                  when the change is refused, the hours as they were
     * @param broken    the limits the change would go past, each with its clause; empty when allowed
     * @param reviewDue the review threshold the change reaches for the first time on this case (LEW 8.9)
     */
    public record Decision(Hours after, List<BrokenRule> broken, Optional<HourThreshold> reviewDue) {
        public Decision {
            broken = List.copyOf(broken);
        }

        public boolean allowed() {
            return broken.isEmpty();
        }
    }

    /**
     * A limit on a case's total hours and where it comes from.
     *
     * @param rule   the code a refusal names ({@code HOUR_CAP}, {@code CONFERENCE_HOUR_CAP},
     *               {@code APPROVED_HOURS}, {@code HOURS_REQUEST_NEEDED})
     * @param hours  the most the case may total
     * @param clause the clause a refusal names
     * @param ask    what lifts it, for staff
     * @param reachable whether the case may total exactly {@code hours} (a cap of 12 hours allows 12 hours; "requests to
     *               provide 20 or more hours", LLR 26.17, do not allow 20 without a request)
     */
    public record Limit(String rule, BigDecimal hours, String clause, String ask, boolean reachable) {

        /** Whether {@code totalMinutes} goes past this limit. */
        boolean brokenBy(int totalMinutes) {
            int compared = minutes(totalMinutes).compareTo(hours.multiply(SIXTY));
            return reachable ? compared > 0 : compared >= 0;
        }
    }

    /**
     * The case's time changes by {@code directChange} and {@code indirectChange} minutes (a new
     * entry adds to one; a correction takes the old entry off and adds the new one).
     *
     * @param thresholds     the service's thresholds from its contract
     * @param conferenceCase whether it is a child protection conference case ({@link #isConferenceCase})
     */
    public static Decision change(List<HourThreshold> thresholds, boolean conferenceCase, Hours before, int directChange,
                                  int indirectChange) {
        int direct = before.directMinutes() + directChange;
        int indirect = before.indirectMinutes() + indirectChange;
        if (direct < 0 || indirect < 0) {
            throw new IllegalArgumentException("a change cannot take more time off than the case has");
        }
        int total = direct + indirect;
        List<BrokenRule> broken = new ArrayList<>();
        if (total > before.totalMinutes()) {
            for (Limit limit : limits(thresholds, conferenceCase, before)) {
                if (limit.brokenBy(total)) {
                    broken.add(new BrokenRule(limit.rule(), limit.clause(), "This would take the case to " + duration(total)
                            + ", past its limit of " + hours(limit.hours()) + " (" + duration(before.totalMinutes())
                            + " recorded so far). " + limit.ask()));
                }
            }
        }
        if (!broken.isEmpty()) {
            return new Decision(before, broken, Optional.empty());
        }
        Hours after = before.withMinutes(direct, indirect);
        Optional<HourThreshold> review = thresholds.stream()
                .filter(threshold -> threshold.kind() == HourThreshold.Kind.REVIEW)
                // LEW 8.9: once per case, the first time it reaches the hours.
                .filter(threshold -> !before.reviewRaised() && minutes(total).compareTo(threshold.hours().multiply(SIXTY)) >= 0)
                .findFirst();
        return new Decision(review.isPresent() ? after.withReviewRaised() : after, List.of(), review);
    }

    /**
     * The limits on the case's total now: the cap (LEW 8.11), or for a child protection conference
     * case its own cap (LEW 7.16), replaced by the latest approval of the Service Manager (LEW 7.3);
     * and the hours past which requests must be recorded (LLR 26.17), raised by each request.
     */
    public static List<Limit> limits(List<HourThreshold> thresholds, boolean conferenceCase, Hours hours) {
        List<Limit> limits = new ArrayList<>();
        Optional<HourThreshold> cap = cap(thresholds, conferenceCase);
        if (cap.isPresent()) {
            if (hours.approvals().isEmpty()) {
                boolean conference = cap.get().kind() == HourThreshold.Kind.CONFERENCE_CAP;
                limits.add(new Limit(conference ? "CONFERENCE_HOUR_CAP" : "HOUR_CAP", cap.get().hours(), cap.get().clause(),
                        "More " + (conference ? "for a child protection conference case " : "")
                                + "needs the Service Manager's approval before it is delivered: a manager records it first.", true));
            } else {
                // Interpretation (LEW 7.3, 8.11): the latest approval's limit applies, whether it raises
                // or lowers an earlier one: a Service Manager's newer decision replaces the older.
                Hours.Approval latest = hours.approvals().get(hours.approvals().size() - 1);
                limits.add(new Limit("APPROVED_HOURS", latest.limitHours(), cap.get().clause(),
                        "The Service Manager approved up to " + hours(latest.limitHours()) + "; more needs a further approval "
                                + "before it is delivered: a manager records it first.", true));
            }
        }
        thresholds.stream().filter(threshold -> threshold.kind() == HourThreshold.Kind.RECORD_REQUESTS_OVER).findFirst()
                .ifPresent(threshold -> {
                    // Interpretation (LLR 26.17: "requests to provide 20 or more hours ... along with reasons"):
                    // a case reaching 20 hours needs a request first (19 h 59 min needs none, 20 h 00 min does);
                    // each request recorded on the case asks for more hours and raises the total allowed, up to
                    // and including 20 plus the hours it asks for (25 hours after a request for 5). The
                    // requests are what the quarterly return counts.
                    BigDecimal requested = hours.requests().stream().map(Hours.Request::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
                    limits.add(new Limit("HOURS_REQUEST_NEEDED", threshold.hours().add(requested), threshold.clause(),
                            "Record a request for more hours, with the reasons, before recording more time.", !hours.requests().isEmpty()));
                });
        return limits;
    }

    /**
     * The cap that applies to the case before any approval: a child protection conference case's
     * own cap (LEW 7.16) where the contract has one, otherwise the service's cap (LEW 8.11), if any.
     */
    public static Optional<HourThreshold> cap(List<HourThreshold> thresholds, boolean conferenceCase) {
        Optional<HourThreshold> conference = conferenceCase ? threshold(thresholds, HourThreshold.Kind.CONFERENCE_CAP) : Optional.empty();
        return conference.isPresent() ? conference : threshold(thresholds, HourThreshold.Kind.CAP);
    }

    /**
     * Whether the case is advocacy at child protection conferences (LEW 7.14-7.16), which has its
     * own limit of hours. Interpretation (LEW 7.16): it is the reason the referral gave for the
     * young person wanting an advocate ({@code cypReason}: a child protection conference).
     */
    public static boolean isConferenceCase(ReferralDetails referral) {
        return referral.service() == ServiceCode.CYP && ServiceAnswers.of(referral).choice(ServiceQuestions.CYP_REASON, CypReason.class)
                .filter(reason -> reason == CypReason.CHILD_PROTECTION_CONFERENCE).isPresent();
    }

    /** {@code 510} as "8 h 30 min", {@code 720} as "12 h". */
    public static String duration(int minutes) {
        int h = minutes / 60;
        int m = minutes % 60;
        return h == 0 ? m + " min" : m == 0 ? h + " h" : h + " h " + m + " min";
    }

    /** {@code 12} as "12 hours", {@code 12.5} as "12.5 hours", {@code 1} as "1 hour". */
    public static String hours(BigDecimal hours) {
        BigDecimal shown = hours.stripTrailingZeros();
        if (shown.scale() < 0) {
            shown = shown.setScale(0, RoundingMode.UNNECESSARY);
        }
        return shown.toPlainString() + (shown.compareTo(BigDecimal.ONE) == 0 ? " hour" : " hours");
    }

    private static Optional<HourThreshold> threshold(List<HourThreshold> thresholds, HourThreshold.Kind kind) {
        return thresholds.stream().filter(threshold -> threshold.kind() == kind).findFirst();
    }

    private static BigDecimal minutes(int minutes) {
        return BigDecimal.valueOf(minutes);
    }
}
