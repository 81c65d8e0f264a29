package org.advocacyhub.answerphone;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.answerphone.AnswerphoneMessage;
import org.advocacyhub.domain.answerphone.CallbackAttempt;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.time.WorkingCalendar;

/** Answerphone messages as the staff API shows them (staff only: the caller's details are personal data). */
final class AnswerphoneJson {

    private final ContractCatalogue contracts;

    AnswerphoneJson(ContractCatalogue contracts) {
        this.contracts = contracts;
    }

    /**
     * One message: its details, its callback's due time and time left at {@code now} (an ISO-8601
     * duration, negative once overdue; none once responded), and its attempts if given.
     */
    Map<String, Object> message(AnswerphoneMessage m, List<CallbackAttempt> attempts, Instant now) {
        WorkingCalendar calendar = contracts.contract(m.contract()).orElseThrow().calendar();
        Instant due = m.clock().dueAt(calendar).orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("contract", m.contract());
        out.put("status", m.responded() ? "RESPONDED" : "OPEN");
        out.put("leftAt", m.leftAt().toString());
        out.put("dueAt", due.toString());
        out.put("clause", contracts.contract(m.contract()).orElseThrow().answerphoneClock().map(c -> c.clause()).orElse(null));
        if (m.responded()) {
            Instant responded = m.clock().stopped().orElseThrow();
            out.put("respondedAt", responded.toString());
            out.put("met", !responded.isAfter(due));
        } else {
            // To the second: a caller's deadline is not a matter of nanoseconds.
            Duration left = Duration.between(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), due);
            out.put("timeLeft", left.toString());
            out.put("overdue", left.isNegative());
        }
        put(out, "callerName", m.callerName());
        put(out, "callbackNumber", m.callbackNumber());
        put(out, "callbackEmail", m.callbackEmail());
        put(out, "preferredMethod", m.preferredMethod() == null ? null : m.preferredMethod().name());
        put(out, "service", m.service() == null ? null : m.service().name());
        put(out, "reference", m.reference() == null ? null : m.reference().value());
        put(out, "summary", m.summary());
        put(out, "accessNeeds", m.accessNeeds());
        out.put("keyedBy", m.keyedBy());
        out.put("keyedAt", m.keyedAt().toString());
        out.put("attemptCount", m.attempts());
        if (attempts != null) {
            out.put("attempts", attempts.stream().map(AnswerphoneJson::attempt).toList());
        }
        return out;
    }

    private static Map<String, Object> attempt(CallbackAttempt a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", a.id());
        out.put("at", a.at().toString());
        out.put("method", a.method().name());
        out.put("outcome", a.outcome().name());
        out.put("responds", a.outcome().responds());
        put(out, "note", a.note());
        out.put("referralTaken", a.referralTaken());
        put(out, "reference", a.reference() == null ? null : a.reference().value());
        out.put("staffId", a.staffId());
        out.put("recordedAt", a.recordedAt().toString());
        return out;
    }

    private static void put(Map<String, Object> out, String name, Object value) {
        if (value != null) {
            out.put(name, value);
        }
    }
}
