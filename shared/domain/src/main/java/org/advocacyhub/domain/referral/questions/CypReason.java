package org.advocacyhub.domain.referral.questions;

import org.advocacyhub.domain.referral.Choice;

/** What a child or young person wants an advocate for (LEW 7.6). */
public enum CypReason implements Choice {
    FORMAL_MEETING("Support at a formal meeting, such as a looked-after child review"),
    CONCERN_ABOUT_CARE("A concern or complaint about their care"),
    CHILD_PROTECTION_CONFERENCE("Support at a child protection conference"),
    CARE_LEAVER_CONCERN("A care leaver's concern about the support they get from the council"),
    OTHER("Something else");

    private final String displayName;

    CypReason(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
