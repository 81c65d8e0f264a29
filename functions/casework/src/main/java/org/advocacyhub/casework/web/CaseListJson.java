package org.advocacyhub.casework.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.advocacyhub.application.casework.ListCases;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.WaitingList;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * A page of {@code GET /cases} as JSON: each case by reference, service, status, authority, when
 * received, its advocate, the person's initials (the name for managers only) and the due time of
 * each running clock; and the next page's token while there is one.
 */
final class CaseListJson {

    private final ContractCatalogue contracts;

    CaseListJson(ContractCatalogue contracts) {
        this.contracts = contracts;
    }

    Map<String, Object> map(ListCases.Listed listed) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", listed.at().toString());
        out.put("limit", listed.limit());
        out.put("cases", listed.cases().stream().map(c -> entry(c, listed.namesShown(), listed.at())).toList());
        if (listed.next() != null) {
            out.put("next", listed.next());
        }
        return out;
    }

    private Map<String, Object> entry(ReferralCase c, boolean names, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reference", c.reference().value());
        out.put("service", c.details().service().name());
        out.put("status", c.status().name());
        out.put("authority", c.details().person().authority());
        out.put("receivedAt", c.receivedAt().toString());
        if (c.work().allocation() != null) {
            Map<String, Object> advocate = new LinkedHashMap<>();
            advocate.put("staffId", c.work().allocation().advocateId());
            advocate.put("name", c.work().allocation().advocateName());
            out.put("advocate", advocate);
        }
        out.put("initials", c.details().person().initials());
        if (names) {
            out.put("name", c.details().person().name());
        }
        WorkingCalendar calendar = contracts.contractFor(c.details().service()).calendar();
        out.put("clocks", c.clocks().stream().filter(k -> !k.isStopped()).map(k -> {
            WaitingList.ClockView view = WaitingList.view(k, now, calendar);
            Map<String, Object> clock = new LinkedHashMap<>();
            clock.put("name", view.name());
            clock.put("paused", view.paused());
            view.dueAt().ifPresent(due -> clock.put("dueAt", due.toString()));
            return clock;
        }).toList());
        return out;
    }
}
