package org.advocacyhub.casework.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.advocacyhub.application.casework.ShowWaitingList;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.WaitingList;

/** The waiting list as JSON: each case by reference and initials (a name only for managers), with its clocks and time left. */
final class WaitingListJson {

    Map<String, Object> map(ShowWaitingList.Listed listed) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", listed.at().toString());
        out.put("complete", listed.complete());
        out.put("total", listed.total());
        out.put("cases", listed.entries().stream().map(e -> entry(e, listed.namesShown())).toList());
        if (listed.next() != null) {
            out.put("next", listed.next());
        }
        return out;
    }

    private static Map<String, Object> entry(WaitingList.Entry e, boolean names) {
        ReferralCase c = e.referral();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reference", c.reference().value());
        out.put("service", c.details().service().name());
        out.put("authority", c.details().person().authority());
        out.put("initials", c.details().person().initials());
        if (names) {
            out.put("name", c.details().person().name());
        }
        out.put("urgency", c.details().urgency().name());
        if (e.fixedDate() != null) {
            out.put("fixedDate", e.fixedDate().toString());
        }
        out.put("receivedAt", c.receivedAt().toString());
        out.put("ageInWorkingDays", e.ageInWorkingDays());
        out.put("clocks", e.clocks().stream().map(k -> {
            Map<String, Object> clock = new LinkedHashMap<>();
            clock.put("name", k.name());
            clock.put("paused", k.paused());
            k.dueAt().ifPresent(due -> clock.put("dueAt", due.toString()));
            k.timeLeft().ifPresent(left -> clock.put("secondsLeft", left.getSeconds()));
            return clock;
        }).toList());
        return out;
    }
}
