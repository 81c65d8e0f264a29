package org.advocacyhub.domain.referral;

import java.util.List;

/**
 * The council areas a referral can name: the commissioning authorities of every contract, plus
 * {@link #OUTSIDE_AREA} for a person staying elsewhere (screening decides whether the hub can
 * still help, e.g. an IMHA patient placed in a Leicestershire Partnership Trust hospital, LLR 7.38).
 */
public interface AuthorityDirectory {

    String OUTSIDE_AREA = "OTHER";

    /** One selectable area. */
    record Area(String code, String name, String contract) {
    }

    /** Every commissioning authority, grouped by contract in the order to show them. */
    List<Area> areas();

    /** Whether the contract that runs {@code service} is commissioned by {@code authorityCode}. */
    boolean covers(ServiceCode service, String authorityCode);
}
