package org.advocacyhub.casework.console;

import static org.advocacyhub.domain.text.Html.escape;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.answerphone.AnswerphoneMessages;
import org.advocacyhub.application.port.AnswerphoneStore;
import org.advocacyhub.domain.answerphone.AnswerphoneMessage;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.console.Console;
import org.advocacyhub.web.console.ConsoleText;
import org.advocacyhub.web.console.ConsoleWords;
import org.advocacyhub.web.html.FormFields;

/**
 * The answerphone messages page ({@code /console/answerphone}): a contract's open messages, soonest due first, each with
 * its form to record a response, and the form to key in a message left on the line (LLR 9.23), on the same use case as
 * the JSON API ({@link AnswerphoneMessages}). Who may send either form is decided before it is read (issue 20).
 */
final class AnswerphonePages {

    private final Console console;
    private final AnswerphoneMessages answerphone;
    private final AnswerphoneStore messages;
    private final ContractCatalogue contracts;
    private final FormFields fields;
    private final java.util.function.Supplier<ConsoleWords> words;

    AnswerphonePages(Console console, AnswerphoneMessages answerphone, AnswerphoneStore messages, ContractCatalogue contracts,
                     FormFields fields, java.util.function.Supplier<ConsoleWords> words) {
        this.console = console;
        this.answerphone = answerphone;
        this.messages = messages;
        this.contracts = contracts;
        this.fields = fields;
        this.words = words;
    }

    /** The form keyed in messages are sent with: its failed id, and its fields (the contract is the page's). */
    private static final String NEW_MESSAGE = "new-message";

    private List<FieldSpec> keyedIn() {
        return answerphone.messageFields().stream().filter(f -> !f.name().equals("contract") && !f.name().equals("sourceId")).toList();
    }

    /** What the answerphone page says after a form's 303: a response recorded, or a message keyed in (by its id). */
    static String answerphoneNotice(HttpRequest request) {
        if (request.queryParameter("saved").isPresent()) {
            return "Response recorded.";
        }
        return request.queryParameter("keyed").filter(id -> id.matches(AnswerphoneMessage.ID_PATTERN))
                .map(id -> "Message keyed in as " + id + "; its callback clock runs from when it was left.").orElse("");
    }

    private APIGatewayProxyResponseEvent answerphonePage(Console.Staff staff, Optional<String> contractCode, int status, String failedId,
                                                         Map<String, List<String>> values, List<FieldError> errors, String notice) {
        return answerphonePage(staff, contractCode, status, failedId, values, errors, notice, "");
    }

    /** Open messages a page of the answerphone list shows: each is a block with its response form. */
    static final int MESSAGES_SHOWN = 4;

    APIGatewayProxyResponseEvent answerphonePage(Console.Staff staff, Optional<String> contractCode, int status, String failedId,
                                                 Map<String, List<String>> values, List<FieldError> errors, String notice,
                                                 String pageToken) {
        List<Contract> withMessages = contracts.contracts().stream().filter(c -> c.answerphoneClock().isPresent()).toList();
        String contract = contractCode.orElse(withMessages.isEmpty() ? "" : withMessages.get(0).code());
        StringBuilder html = new StringBuilder(10_000);
        if (!errors.isEmpty()) {
            List<FieldSpec> failedFields = failedId.equals(NEW_MESSAGE) ? keyedIn() : AnswerphoneMessages.RESPONSE;
            FormFields.errorSummary(html, errors, name -> {
                String anchor = FormFields.anchor(failedFields, name);
                return anchor.equals(FormFields.NO_FIELD) ? anchor : idPrefix(failedId) + anchor;
            });
        }
        if (!notice.isEmpty()) {
            html.append("<div class=\"notice\" role=\"status\"><p>").append(escape(notice)).append("</p></div>");
        }
        html.append("<h1>Answerphone messages</h1>");
        ListControls.contractLinks(html, staff, "/console/answerphone", withMessages, contract);
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("contract", List.of(contract));
        query.put("limit", List.of(String.valueOf(MESSAGES_SHOWN)));
        if (!pageToken.isEmpty()) {
            query.put("pageToken", List.of(pageToken));
        }
        AnswerphoneMessages.Outcome outcome = answerphone.list(staff.actor(), query);
        if (outcome instanceof AnswerphoneMessages.NotAllowed notAllowed) {
            return Console.forbidden(staff, notAllowed.why());
        }
        if (outcome instanceof AnswerphoneMessages.Invalid invalid) {
            html.append("<p>").append(escape(invalid.errors().get(0).message())).append("</p>");
            return Console.respond(400, staff, "Answerphone messages", "/console/answerphone", html.toString());
        }
        AnswerphoneMessages.Listed listed = (AnswerphoneMessages.Listed) outcome;
        // Keying in a message left on the line (LLR 9.23): its clock starts when it was left, not when it is keyed in.
        boolean keyingFailed = failedId.equals(NEW_MESSAGE);
        html.append("<details id=\"form-").append(NEW_MESSAGE).append("\"").append(keyingFailed ? " open" : "")
                .append("><summary>Key in a message</summary><form method=\"post\" action=\"")
                .append(escape(staff.href("/console/answerphone?contract=" + contract))).append("\" novalidate>").append(staff.formFields())
                .append("<p class=\"hint\">A message left on the ").append(escape(contract)).append(" line. The callback is due 24 working "
                        + "hours after it was left (LLR 9.23). Times are UK times.</p>");
        fields.withIdPrefix(idPrefix(NEW_MESSAGE)).fields(html, keyedIn(), keyingFailed ? values
                : Map.of("leftAt", List.of(FormFields.localDateTime(listed.at()))), keyingFailed ? errors : List.of());
        html.append("<button type=\"submit\">Save message</button></form></details>");
        int open = messages.list(contract, List.of(AnswerphoneStore.Listing.OPEN), null, AnswerphoneMessages.MOST_PER_PAGE).messages().size();
        html.append("<p><strong>").append(open >= AnswerphoneMessages.MOST_PER_PAGE ? open + " or more" : String.valueOf(open))
                .append(open == 1 ? " open message" : " open messages").append("</strong>, soonest due first: each must be answered "
                        + "within 24 working hours of being left (LLR 9.23). Times are UK times.</p>");
        if (listed.messages().isEmpty()) {
            html.append("<p>No open messages.</p>");
        }
        WorkingCalendar calendar = contracts.contract(contract).map(Contract::calendar).orElse(null);
        for (AnswerphoneMessage m : listed.messages()) {
            html.append("<h2>").append(escape(m.id())).append("</h2><dl>")
                    .append(dl("Left", ConsoleText.when(m.leftAt())))
                    .append(dl("Due", m.clock().dueAt(calendar).map(due -> ConsoleText.when(due) + " ("
                            + ConsoleText.timeLeft(due, listed.at(), calendar) + ")").orElse("Paused")))
                    .append(dl("Caller", m.callerName()))
                    .append(dl("Call back on", String.join(", ", java.util.stream.Stream.of(m.callbackNumber(), m.callbackEmail())
                            .filter(v -> v != null && !v.isBlank()).toList())))
                    .append(dl("Prefers", m.preferredMethod() == null ? "" : m.preferredMethod().displayName()))
                    .append(dl("Message", m.summary()))
                    .append(dl("Access needs", m.accessNeeds()))
                    .append(dl("Attempts so far", String.valueOf(m.attempts()))).append("</dl>");
            boolean failed = m.id().equals(failedId);
            Map<String, List<String>> shown = failed ? values : Map.of("at", List.of(FormFields.localDateTime(listed.at())));
            html.append("<details").append(failed ? " open" : "").append("><summary>Record a response<span class=\"visually-hidden\"> to ")
                    .append(escape(m.id())).append("</span></summary><form method=\"post\" action=\"")
                    .append(escape(staff.href("/console/answerphone/" + m.id()))).append("\" novalidate>").append(staff.formFields());
            fields.withIdPrefix(idPrefix(m.id())).fields(html, AnswerphoneMessages.RESPONSE, shown, failed ? errors : List.of());
            html.append("<button type=\"submit\">Save response</button></form></details>");
        }
        if (listed.next() != null || !pageToken.isEmpty()) {
            html.append("<nav aria-label=\"Pages\" class=\"pages\"><ul>");
            if (!pageToken.isEmpty()) {
                html.append("<li><a href=\"").append(escape(staff.href("/console/answerphone?contract=" + contract)))
                        .append("\">First page</a></li>");
            }
            if (listed.next() != null) {
                html.append("<li><a href=\"").append(escape(staff.href("/console/answerphone?contract=" + contract + "&pageToken="
                        + java.net.URLEncoder.encode(listed.next(), java.nio.charset.StandardCharsets.UTF_8)))).append("\" rel=\"next\">")
                        .append("Next page</a></li>");
            }
            html.append("</ul></nav>");
        }
        return Console.respond(status, staff, (errors.isEmpty() ? "" : "Error: ") + "Answerphone messages", "/console/answerphone",
                html.toString());
    }

    /** Every id of a message's response form starts with the message's id: the page holds one form per open message. */
    private static String idPrefix(String messageId) {
        return messageId + "-";
    }

    private static String dl(String key, String value) {
        return "<div><dt>" + escape(key) + "</dt><dd>" + escape(value == null || value.isBlank() ? "Not given" : value) + "</dd></div>";
    }

    /** The form to key in a message: who may is decided by the contract in its address, before the form is read (issue 20). */
    APIGatewayProxyResponseEvent answerphoneKeyIn(HttpRequest request) {
        String contract = request.queryParameter("contract").orElse("");
        return console.post(request, "/console/answerphone?contract=" + contract, (staff, posted) -> {
            Optional<AnswerphoneMessages.Outcome> refused = answerphone.keyInRefusal(contract, staff.actor());
            if (refused.isPresent() && refused.get() instanceof AnswerphoneMessages.NotAllowed notAllowed) {
                return Console.forbidden(staff, notAllowed.why());
            }
            if (refused.isPresent()) {
                return Console.notFound(staff, "There is no answerphone line for that contract.");
            }
            Map<String, List<String>> values = posted.values();
            if (!posted.unreadable().isEmpty()) {
                return answerphonePage(staff, Optional.of(contract), 400, NEW_MESSAGE, values, posted.unreadable(), "");
            }
            if (values.containsKey("contract") || values.containsKey("sourceId")) {
                return answerphonePage(staff, Optional.of(contract), 400, NEW_MESSAGE, values, List.of(new FieldError(FormFields.NO_FIELD,
                        "The form's contract is the page's, and a message keyed in has no telephony id: send the page's form as it is")), "");
            }
            Map<String, List<String>> body = new LinkedHashMap<>(FormFields.posted(values, keyedIn()));
            body.put("contract", List.of(contract));
            AnswerphoneMessages.Outcome outcome = answerphone.record(staff.actor().id(), Optional.of(staff.actor()), SubmittedFields.of(body));
            if (outcome instanceof AnswerphoneMessages.Created created) {
                return HttpResponses.seeOther(staff.href("/console/answerphone?contract=" + contract + "&keyed=" + created.message().id()));
            }
            if (outcome instanceof AnswerphoneMessages.Invalid invalid) {
                return answerphonePage(staff, Optional.of(contract), 400, NEW_MESSAGE, values, invalid.errors(), "");
            }
            if (outcome instanceof AnswerphoneMessages.NotAllowed notAllowed) {
                return Console.forbidden(staff, notAllowed.why());
            }
            String why = outcome instanceof AnswerphoneMessages.Conflict conflict ? conflict.why() : "The message could not be saved.";
            return answerphonePage(staff, Optional.of(contract), 409, NEW_MESSAGE, values,
                    List.of(new FieldError(FormFields.NO_FIELD, words.get().of(why))), "");
        });
    }

    APIGatewayProxyResponseEvent answerphonePost(HttpRequest request) {
        String id = request.pathParameter("id").orElse("");
        String contract = id.matches(AnswerphoneMessage.ID_PATTERN) ? id.split("-")[1] : "";
        return console.post(request, "/console/answerphone?contract=" + contract, (staff, posted) -> {
            // Who may respond is decided before the form is read (issue 20).
            Optional<AnswerphoneMessages.Outcome> refused = answerphone.refusal(id, staff.actor());
            if (refused.isPresent() && refused.get() instanceof AnswerphoneMessages.NotAllowed notAllowed) {
                return Console.forbidden(staff, notAllowed.why());
            }
            if (refused.isPresent()) {
                return Console.notFound(staff, "There is no answerphone message with that id.");
            }
            Map<String, List<String>> values = posted.values();
            List<FieldError> errors = posted.unreadable();
            if (!errors.isEmpty()) {
                return answerphonePage(staff, Optional.of(contract), 400, id, values, errors, "");
            }
            AnswerphoneMessages.Outcome outcome = answerphone.respond(id, staff.actor(),
                    SubmittedFields.of(FormFields.posted(values, AnswerphoneMessages.RESPONSE)));
            if (outcome instanceof AnswerphoneMessages.Recorded) {
                return HttpResponses.seeOther(staff.href("/console/answerphone?contract=" + contract + "&saved=1"));
            }
            if (outcome instanceof AnswerphoneMessages.Invalid invalid) {
                return answerphonePage(staff, Optional.of(contract), 400, id, values, invalid.errors(), "");
            }
            if (outcome instanceof AnswerphoneMessages.NotAllowed notAllowed) {
                return Console.forbidden(staff, notAllowed.why());
            }
            if (outcome instanceof AnswerphoneMessages.Conflict conflict) {
                return answerphonePage(staff, Optional.of(contract), 409, id, values,
                        List.of(new FieldError(FormFields.NO_FIELD, words.get().of(conflict.why()))), "");
            }
            return Console.notFound(staff, "There is no answerphone message with that id.");
        });
    }
}
