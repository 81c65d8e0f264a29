package org.advocacyhub.domain.casework;

import java.util.Objects;
import java.util.Optional;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.ServiceAnswers;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.advocacyhub.domain.referral.questions.CypReason;
import org.advocacyhub.domain.referral.questions.CypStatus;

/**
 * What LEW's returns count about a young person's case (LEW 17.5, Appendix 1): their group and the
 * primary and secondary reasons for advocacy.
 *
 * @param secondary the secondary reason, or {@code null}; never the same as the primary
 * @param caseload  what else LEW 17.5's caseload information asks for, as far as staff have recorded it (never null)
 */
public record CypReturn(Group group, CypReason primary, CypReason secondary, Caseload caseload) {

    /** The group and reasons, with nothing more recorded for the caseload list. */
    public CypReturn(Group group, CypReason primary, CypReason secondary) {
        this(group, primary, secondary, Caseload.NONE);
    }

    /**
     * The caseload information of LEW 17.5 the referral does not give: each {@code null} until recorded. Personal data:
     * it goes only into the restricted caseload list, never an emailed workbook, and is removed when the case is
     * anonymised.
     *
     * @param socialWorker            the young person's social worker (a name, as staff write it)
     * @param asylumSeeker            whether the young person is an asylum seeker
     * @param legalStatus             their legal status
     * @param outcomesSought          the outcomes the young person seeks, in their words as staff record them
     * @param summaryOfWork           a summary of the work the advocate has undertaken
     * @param estimatedHoursRemaining the advocate's estimate of the hours until the case closes
     */
    public record Caseload(String socialWorker, Boolean asylumSeeker, LegalStatus legalStatus, String outcomesSought,
                           String summaryOfWork, java.math.BigDecimal estimatedHoursRemaining) {

        public static final Caseload NONE = new Caseload(null, null, null, null, null, null);

        /** The same, less what identifies or describes the person: the status fields stay (they are counted), the words go. */
        public Caseload anonymised() {
            return new Caseload(null, asylumSeeker, legalStatus, null, null, estimatedHoursRemaining);
        }

        /** The names of the fields recorded, for the timeline (never their values). */
        public java.util.List<String> recorded() {
            java.util.List<String> names = new java.util.ArrayList<>();
            if (socialWorker != null) {
                names.add("social worker");
            }
            if (asylumSeeker != null) {
                names.add("asylum seeker");
            }
            if (legalStatus != null) {
                names.add("legal status");
            }
            if (outcomesSought != null) {
                names.add("outcomes sought");
            }
            if (summaryOfWork != null) {
                names.add("summary of work");
            }
            if (estimatedHoursRemaining != null) {
                names.add("estimated time remaining");
            }
            return names;
        }
    }

    /**
     * The young person's legal status (LEW 17.5 "Legal status"). Interpretation: the statuses a Children's Social Care
     * case of LEW's groups (7.5) has under the Children Act 1989, and "other" for anything else.
     */
    public enum LegalStatus implements Choice {
        ACCOMMODATED_SECTION_20("Accommodated by agreement (section 20)"),
        CARE_ORDER("Care order (section 31)"),
        INTERIM_CARE_ORDER("Interim care order (section 38)"),
        PLACEMENT_ORDER("Placement order"),
        REMANDED("Remanded to local authority accommodation"),
        CARE_LEAVER("Care leaver"),
        CHILD_IN_NEED_OR_PROTECTION("Living at home: child in need or child protection plan"),
        OTHER("Other");

        private final String displayName;

        LegalStatus(String displayName) {
            this.displayName = displayName;
        }

        @Override
        public String displayName() {
            return displayName;
        }
    }

    /** The caseload groups of the LEW outputs table ("break down by CWCN, LAC, Leaving Care, CP"). */
    public enum Group implements Choice {
        LAC("Looked-after child"),
        CP_PLAN("Child protection plan"),
        CARE_LEAVER("Care leaver"),
        CWCN("Child with care needs (CWCN)");

        private final String displayName;

        Group(String displayName) {
            this.displayName = displayName;
        }

        @Override
        public String displayName() {
            return displayName;
        }
    }

    public CypReturn {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(caseload, "caseload");
        if (primary == secondary) {
            throw new IllegalArgumentException("the secondary reason must differ from the primary");
        }
    }

    /**
     * The group the referral's answer about the young person (LEW 7.5) puts them in, if it does:
     * looked after is LAC, on a child protection plan is CP plan, either kind of care leaver is a
     * care leaver. "None of these" gives none (such a referral is not accepted).
     */
    public static Optional<Group> groupFor(CypStatus status) {
        return switch (status) {
            case LOOKED_AFTER -> Optional.of(Group.LAC);
            case CHILD_PROTECTION_PLAN -> Optional.of(Group.CP_PLAN);
            case CARE_LEAVER, CARE_LEAVER_PERSONAL_ADVISER -> Optional.of(Group.CARE_LEAVER);
            case NONE_OF_THESE -> Optional.empty();
        };
    }

    /** The group the referral's answers give ({@code cypStatus}), if they give one. */
    public static Optional<Group> referredGroup(ServiceAnswers answers) {
        return answers.choice(ServiceQuestions.CYP_STATUS, CypStatus.class).flatMap(CypReturn::groupFor);
    }

    /** The primary reason the referral's answers give ({@code cypReason}, LEW 7.6), if they give one. */
    public static Optional<CypReason> referredReason(ServiceAnswers answers) {
        return answers.choice(ServiceQuestions.CYP_REASON, CypReason.class);
    }
}
