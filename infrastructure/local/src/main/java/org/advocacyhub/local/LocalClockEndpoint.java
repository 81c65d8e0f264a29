package org.advocacyhub.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.json.JsonMapper;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.advocacyhub.application.support.LocalClockControl;
import org.advocacyhub.domain.referral.AuthorityDirectory;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldRules;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.testing.ScheduleRunner;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.JsonText;
import org.advocacyhub.web.Problems;
import org.advocacyhub.web.RequestBodies;

/**
 * {@code /_local/clock}: the local gateway's own control of the local clock, for walking through deadlines in minutes.
 * It exists only in {@code ./run-local} (served by {@link HttpGateway} itself, on the loopback interface; never in
 * template.yaml, so never in AWS).
 *
 * <ul>
 *   <li>{@code GET} (and {@code HEAD}): {@code {"now": "...", "offset": "PT..."}}, the time every function reads and
 *       how far it is from the system clock.</li>
 *   <li>{@code POST} {@code {"advance": "PT26H"}} (a positive ISO-8601 duration) or
 *       {@code {"to": "2026-12-31T17:01:00Z"}} (a later instant): moves the clock forward, then fires each schedule that
 *       fell due in the jump once, before answering {@code {"now", "offset", "fired": [schedule names],
 *       "failed": [...]}}. A move backwards is refused: the clock moves forward only.</li>
 * </ul>
 *
 * The body meets the same rules as every route's ({@link RequestBodies}, {@link FieldRules}): JSON only, JSON types
 * honoured, every problem naming its field, no value echoed.
 */
final class LocalClockEndpoint {

    static final String PATH = "/_local/clock";

    static final FieldSpec ADVANCE = new FieldSpec("advance", "Advance by", "How far to move the local clock forward: a "
            + "positive ISO-8601 duration, like PT26H or P3DT2H", FieldKind.TEXT, false, 40, List.of(), "", "Advance");
    static final FieldSpec TO = new FieldSpec("to", "Move to", "When to move the local clock to: a later instant with its "
            + "offset, like 2026-12-31T17:01:00Z", FieldKind.DATE_TIME, false, 40, List.of(), "", "To");
    static final List<FieldSpec> FIELDS = List.of(ADVANCE, TO);

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** The clock control names no council area: the field rules need a directory only for authority fields. */
    private static final AuthorityDirectory NO_AREAS = new AuthorityDirectory() {
        @Override
        public List<Area> areas() {
            return List.of();
        }

        @Override
        public boolean covers(ServiceCode service, String authorityCode) {
            return false;
        }
    };

    private final LocalClockControl control;
    private final ScheduleRunner schedules;
    /** Told the offset after each move: {@code ./run-local} keeps it, so a restart resumes the clock where it was. */
    private final java.util.function.Consumer<Duration> moved;
    private final JsonMapper json = JsonMapper.createDefault();
    private final Problems problems = new Problems(json);
    private final RequestBodies bodies = new RequestBodies(problems);
    private final FieldRules rules = new FieldRules(NO_AREAS);

    LocalClockEndpoint(LocalClockControl control, ScheduleRunner schedules) {
        this(control, schedules, offset -> { });
    }

    LocalClockEndpoint(LocalClockControl control, ScheduleRunner schedules, java.util.function.Consumer<Duration> moved) {
        this.control = control;
        this.schedules = schedules;
        this.moved = moved;
    }

    /** The answer to {@code method} on {@link #PATH}, with the request's headers (names as sent) and body. */
    APIGatewayProxyResponseEvent answer(String method, Map<String, List<String>> headers, byte[] body) {
        return switch (method) {
            case "GET", "HEAD" -> time();
            case "POST" -> move(headers, body);
            default -> HttpResponses.withHeader(problems.of(405, "Method Not Allowed",
                    "The local clock answers GET, HEAD and POST."), "Allow", "GET, HEAD, POST");
        };
    }

    private APIGatewayProxyResponseEvent time() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("now", control.now().toString());
        answer.put("offset", control.offset().toString());
        return HttpResponses.json(200, JsonText.write(json, answer));
    }

    private APIGatewayProxyResponseEvent move(Map<String, List<String>> headers, byte[] body) {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withMultiValueHeaders(headers)
                .withBody(Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(true);
        RequestBodies.Read read = bodies.json(new HttpRequest(event));
        if (read instanceof RequestBodies.Refused refused) {
            return refused.response();
        }
        SubmittedFields submitted = ((RequestBodies.Fields) read).fields();
        FieldRules.Checked checked = rules.check(FIELDS, submitted, LocalDate.ofInstant(control.now(), LONDON),
                "the local clock control");
        if (!checked.valid()) {
            return problems.invalid(checked.errors());
        }
        Object advance = checked.values().get(ADVANCE.name());
        Object to = checked.values().get(TO.name());
        if (advance == null && to == null) {
            return problems.invalid(List.of(new FieldError(ADVANCE.name(), "Give advance (a duration, like PT26H) or to "
                    + "(a later instant, like 2026-12-31T17:01:00Z)")));
        }
        if (advance != null && to != null) {
            return problems.invalid(List.of(new FieldError(TO.name(), "Give advance or to, not both")));
        }
        Supplier<LocalClockControl.Move> change;
        FieldSpec field;
        if (advance != null) {
            Duration by;
            try {
                by = Duration.parse((String) advance);
            } catch (DateTimeException e) {
                return problems.invalid(List.of(new FieldError(ADVANCE.name(),
                        "Advance must be an ISO-8601 duration, like PT26H, PT90M or P3DT2H")));
            }
            change = () -> control.advance(by);
            field = ADVANCE;
        } else {
            change = () -> control.moveTo((Instant) to);
            field = TO;
        }
        AtomicReference<LocalClockControl.Move> moved = new AtomicReference<>();
        List<ScheduleRunner.Firing> fired;
        try {
            fired = schedules.runDueAfter(() -> {
                try {
                    moved.set(change.get());
                } catch (IllegalArgumentException e) {
                    throw new Refused(e.getMessage());
                }
            });
        } catch (Refused refused) {
            // Backwards, or too far: the clock has not moved and nothing fired.
            return problems.invalid(List.of(new FieldError(field.name(), refused.getMessage())));
        }
        LocalClockControl.Move move = moved.get();
        this.moved.accept(move.offset());
        List<String> names = fired.stream().map(ScheduleRunner.Firing::name).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("now", move.to().toString());
        answer.put("offset", move.offset().toString());
        answer.put("fired", names);
        answer.put("failed", fired.stream().filter(f -> f.error() != null).map(ScheduleRunner.Firing::name).toList());
        // One line per move: the new time and the schedules it fired, never a request's values.
        System.out.println("Local clock moved to " + move.to() + " (offset " + move.offset() + "); schedules fired: " + names);
        return HttpResponses.json(200, JsonText.write(json, answer));
    }

    /** A move the clock control refused; its message names the field and says why, without echoing the value. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
