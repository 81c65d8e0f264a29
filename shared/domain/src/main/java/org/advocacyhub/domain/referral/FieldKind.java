package org.advocacyhub.domain.referral;

/** How a referral field is entered and checked. */
public enum FieldKind {
    TEXT, TEXTAREA, DATE, CHOICE, MULTI_CHOICE, EMAIL, PHONE, POSTCODE, YES_NO, AUTHORITY
}
