package org.advocacyhub.local.seed;

import java.time.Instant;
import java.util.Map;

/**
 * One planned referral: its contract, service and council area, when it is received, its body, the status screening
 * is expected to give it and the advocate who will have it. The reference and the status screening gave are learnt
 * from the hub as the quarter is walked.
 */
final class SeedCase {

    final int number;
    final String contract;
    final String service;
    final String authority;
    final Instant receivedAt;
    final Map<String, Object> referral;
    /** AWAITING_ALLOCATION for an accepted referral; NOT_ACCEPTED, INFORMATION_ONLY or SIGNPOSTED otherwise. */
    final String expected;
    /** The case this one refers again (the same person: name and date of birth), or null. */
    final SeedCase samePersonAs;
    /** The advocate it is allocated to, or null (not allocated in the quarter, or not allocated at all: DERBY). */
    String advocate;
    volatile String reference;
    volatile String screened;

    SeedCase(int number, String contract, String service, String authority, Instant receivedAt, Map<String, Object> referral,
             String expected, SeedCase samePersonAs) {
        this.number = number;
        this.contract = contract;
        this.service = service;
        this.authority = authority;
        this.receivedAt = receivedAt;
        this.referral = referral;
        this.expected = expected;
        this.samePersonAs = samePersonAs;
    }

    boolean accepted() {
        return expected.equals("AWAITING_ALLOCATION");
    }

    /** Whether screening decided as planned, so that the planned casework follows. */
    boolean screenedAsPlanned() {
        return expected.equals(screened);
    }

    String path(String rest) {
        return "/cases/" + reference + rest;
    }
}
