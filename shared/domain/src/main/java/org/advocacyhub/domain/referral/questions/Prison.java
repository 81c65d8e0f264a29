package org.advocacyhub.domain.referral.questions;

import org.advocacyhub.domain.referral.Choice;

/** Whether the person is in prison and where: prisoners count as resident where the prison is (SCIE Prisoners, LLR 8.29). */
public enum Prison implements Choice {
    NOT_IN_PRISON("Not in prison"),
    LLR_PRISON("In a prison in Leicester, Leicestershire or Rutland (HMP Leicester, Gartree, Stocken or Fosse Way)"),
    OTHER_PRISON("In a prison somewhere else");

    private final String displayName;

    Prison(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
