package org.advocacyhub.domain.casework;

import java.util.Objects;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.questions.CypReason;

/**
 * What LEW's returns count about a young person's case (LEW 17.5, Appendix 1): their group and the
 * primary and secondary reasons for advocacy.
 *
 * @param secondary the secondary reason, or {@code null}
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
    }
}
