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
 */
public record CypReturn(Group group, CypReason primary, CypReason secondary) {

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
