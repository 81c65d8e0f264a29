package org.advocacyhub.messaging.queue;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.advocacyhub.application.port.Alert;
import org.advocacyhub.domain.casework.DeadlineAlerts;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.staff.StaffRecord;

/** Writes and reads reminder queue messages; anything that is not a version-1 alert is refused. */
@Singleton
public final class AlertMessages {

    private final JsonMapper json;

    public AlertMessages(JsonMapper json) {
        this.json = json;
    }

    public String write(Alert alert) {
        AlertMessage message;
        if (alert instanceof Alert.Deadline d) {
            message = new AlertMessage(AlertMessage.DEADLINE, AlertMessage.VERSION, d.reference().value(), d.clock(), d.kind().name(),
                    d.dueAt().toString(), null, null, null, null, null, null);
        } else if (alert instanceof Alert.Callback c) {
            message = new AlertMessage(AlertMessage.CALLBACK, AlertMessage.VERSION, null, null, c.kind().name(), c.dueAt().toString(),
                    null, null, c.messageId(), null, null, null);
        } else if (alert instanceof Alert.ReportDue r) {
            message = new AlertMessage(AlertMessage.REPORT, AlertMessage.VERSION, null, null, r.kind().name(), r.dueAt().toString(),
                    null, null, null, r.contract(), r.quarter().key(), null);
        } else if (alert instanceof Alert.DataRequestDue q) {
            message = new AlertMessage(AlertMessage.DATA_REQUEST, AlertMessage.VERSION, null, null, q.kind().name(), q.dueAt().toString(),
                    null, null, null, null, null, q.requestId());
        } else if (alert instanceof Alert.CaseStudiesDue c) {
            message = new AlertMessage(AlertMessage.CASE_STUDIES, AlertMessage.VERSION, null, null, null, c.dueAt().toString(),
                    null, null, null, c.contract(), c.quarter().key(), null);
        } else {
            Alert.Digest d = (Alert.Digest) alert;
            message = new AlertMessage(AlertMessage.DIGEST, AlertMessage.VERSION, null, null, null, null, d.day().toString(), d.staffId(), null, null, null, null);
        }
        try {
            return json.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws ScreeningMessages.UnreadableMessage when the body is not a version-1 alert: it can never be sent */
    public Alert read(String body) {
        AlertMessage m;
        try {
            m = json.readValue(body, AlertMessage.class);
        } catch (IOException | RuntimeException e) {
            throw new ScreeningMessages.UnreadableMessage("not an alert JSON message");
        }
        if (m == null || m.version() != AlertMessage.VERSION) {
            throw new ScreeningMessages.UnreadableMessage("unexpected message version");
        }
        try {
            if (AlertMessage.DEADLINE.equals(m.type())) {
                return new Alert.Deadline(ReferralReference.parse(m.reference()).orElseThrow(), require(m.clock()),
                        DeadlineAlerts.Kind.valueOf(require(m.kind())), Instant.parse(require(m.dueAt())));
            }
            if (AlertMessage.CALLBACK.equals(m.type()) && m.messageId() != null
                    && m.messageId().matches(org.advocacyhub.domain.answerphone.AnswerphoneMessage.ID_PATTERN)) {
                return new Alert.Callback(m.messageId(), DeadlineAlerts.Kind.valueOf(require(m.kind())), Instant.parse(require(m.dueAt())));
            }
            if (AlertMessage.REPORT.equals(m.type()) && m.contract() != null && m.contract().matches("[A-Z]{2,10}")) {
                return new Alert.ReportDue(m.contract(), org.advocacyhub.domain.time.FinancialQuarter.parseKey(m.quarter()),
                        DeadlineAlerts.Kind.valueOf(require(m.kind())), Instant.parse(require(m.dueAt())));
            }
            if (AlertMessage.DATA_REQUEST.equals(m.type()) && m.requestId() != null && m.requestId().matches("[0-9a-f-]{36}")) {
                return new Alert.DataRequestDue(m.requestId(), DeadlineAlerts.Kind.valueOf(require(m.kind())), Instant.parse(require(m.dueAt())));
            }
            if (AlertMessage.CASE_STUDIES.equals(m.type()) && m.contract() != null && m.contract().matches("[A-Z]{2,10}")) {
                return new Alert.CaseStudiesDue(m.contract(), org.advocacyhub.domain.time.FinancialQuarter.parseKey(m.quarter()),
                        Instant.parse(require(m.dueAt())));
            }
            if (AlertMessage.DIGEST.equals(m.type()) && m.staffId() != null && m.staffId().matches(StaffRecord.ID_PATTERN)) {
                return new Alert.Digest(LocalDate.parse(require(m.day())), m.staffId());
            }
        } catch (DateTimeParseException | IllegalArgumentException | java.util.NoSuchElementException | NullPointerException e) {
            throw new ScreeningMessages.UnreadableMessage("malformed " + m.type() + " message");
        }
        throw new ScreeningMessages.UnreadableMessage("unexpected message type");
    }

    private static String require(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing");
        }
        return value;
    }
}
