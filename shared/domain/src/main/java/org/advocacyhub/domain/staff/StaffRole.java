package org.advocacyhub.domain.staff;

/** What a member of staff may do (requirements §8): managers every case, advocates their own. */
public enum StaffRole {
    MANAGER,
    ADVOCATE
}
