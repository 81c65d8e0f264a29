package org.advocacyhub.web;

import static org.advocacyhub.domain.text.Html.escape;

import io.micronaut.json.JsonMapper;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.application.casework.ViewCase;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.retention.DataRequests;
import org.advocacyhub.application.retention.FindPerson;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.dataprotection.DataRequest;
import org.advocacyhub.web.html.PageLayout;

/**
 * A subject access export (UK GDPR Art. 15, issue 22) as JSON and as a readable HTML document: the request, then every case
 * found for the person with its whole file (as the case view shows it: referral, screening, clocks, casework, timeline,
 * tasks, contacts and meetings, time, audit trail), the case studies written about it and every email sent about it, then
 * the answerphone messages from them.
 *
 * <p>Third parties' data is marked, never left out: each part holding someone else's personal data carries
 * {@code "thirdParty": true} and why, for the manager to review before release (Art. 15(4); Data Protection Act 2018
 * Sch. 2 para. 16): the referrer (their name and contact details), each email's address (the referrer's or a member of
 * staff's), and an answerphone message found by the caller's name alone (perhaps someone else of that name).
 */
public final class SubjectAccessExport {

    static final String THIRD_PARTY_NOTE = "Parts marked \"thirdParty\": true hold another person's data (a referrer, a relative, "
            + "another caller, a member of staff's address): review each before release (UK GDPR Art. 15(4); Data Protection Act "
            + "2018 Sch. 2 para. 16).";

    private final JsonMapper json;
    private final CaseViewJson cases;
    private final ContractCatalogue contracts;

    public SubjectAccessExport(JsonMapper json, ContractCatalogue contracts) {
        this.json = json;
        this.cases = new CaseViewJson(json);
        this.contracts = contracts;
    }

    public String json(DataRequests.Exported export) {
        return JsonText.write(json, map(export));
    }

    public Map<String, Object> map(DataRequests.Exported export) {
        DataRequest r = export.request();
        Instant now = export.producedAt();
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", r.id());
        request.put("name", r.name());
        request.put("dateOfBirth", r.dateOfBirth().toString());
        request.put("receivedOn", r.receivedOn().toString());
        request.put("dueOn", r.dueOn().toString());
        out.put("request", request);
        out.put("producedAt", now.toString());
        out.put("howFound", "Every case of every contract with this date of birth and this name (accents, case, punctuation and the "
                + "order of names aside), cases anonymised under the retention policy by their pseudonym, and the answerphone messages "
                + "left under this name or that led to one of these cases.");
        out.put("thirdPartyData", THIRD_PARTY_NOTE);
        List<Map<String, Object>> found = new ArrayList<>();
        for (FindPerson.CaseRecords c : export.found().cases()) {
            var file = c.file();
            Map<String, Object> view = cases.map(new ViewCase.Found(c.referral(), file.timeline(), file.tasks(), file.activities(),
                    file.time(), file.audit()), contracts.contractFor(c.referral().details().service()).calendar(), now);
            view.put("anonymised", c.anonymised());
            if (view.get("referral") instanceof Map<?, ?> referral && referral.get("referrer") instanceof Map<?, ?> referrer) {
                @SuppressWarnings("unchecked")
                Map<String, Object> editable = (Map<String, Object>) referral;
                editable.put("referrer", thirdParty(referrer, "the referrer's own details"));
            }
            List<Map<String, Object>> emails = new ArrayList<>();
            for (Outbox.StoredMail mail : c.emails()) {
                Map<String, Object> email = new LinkedHashMap<>();
                email.put("kind", mail.kind().name());
                email.put("what", mail.what());
                email.put("createdAt", mail.createdAt().toString());
                email.put("status", mail.status().name());
                if (mail.settledAt() != null) {
                    email.put("settledAt", mail.settledAt().toString());
                }
                if (mail.mail() != null) {
                    email.put("subject", mail.mail().subject());
                    email.put("text", mail.mail().text());
                }
                email.put("to", thirdParty(Map.of("recipient", mail.recipient() == null ? "" : mail.recipient(),
                        "addresses", mail.mail() == null ? List.of() : mail.mail().to()), "whom it was sent to: their name and address"));
                emails.add(email);
            }
            view.put("emails", emails);
            // The case studies written about the case (LLR Appendix One B; issue 23): their journey, in the staff's words.
            view.put("caseStudies", plain(c.caseStudies()));
            found.add(view);
        }
        out.put("cases", found);
        List<Map<String, Object>> messages = new ArrayList<>();
        for (FindPerson.MessageRecords m : export.found().messages()) {
            Map<String, Object> message = plain(m.message());
            message.put("attempts", plain(m.attempts()));
            if (m.byNameOnly()) {
                message.put("thirdParty", true);
                message.put("whyReview", "Found by the caller's name alone: it may be someone else of that name.");
            }
            messages.add(message);
        }
        out.put("answerphoneMessages", messages);
        return out;
    }

    private static Map<String, Object> thirdParty(Map<?, ?> data, String what) {
        Map<String, Object> marked = new LinkedHashMap<>();
        marked.put("thirdParty", true);
        marked.put("whyReview", "Another person's data: " + what + ".");
        data.forEach((k, v) -> marked.put(String.valueOf(k), v));
        return marked;
    }

    /** A record (and what it holds) as plain JSON values: its components by name, enums by name, times as ISO text. */
    @SuppressWarnings("unchecked")
    static <T> T plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return (T) value;
        }
        if (value instanceof Enum<?> e) {
            return (T) e.name();
        }
        if (value instanceof TemporalAccessor || value instanceof java.time.Duration) {
            return (T) value.toString();
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(plain(v)));
            return (T) out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return (T) out;
        }
        if (value.getClass().isRecord()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    Object v = component.getAccessor().invoke(value);
                    if (v != null) {
                        out.put(component.getName(), plain(v));
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return (T) out;
        }
        return (T) value.toString();
    }

    /** The same export as a document a person can read: every part of the JSON, labelled, third parties' parts marked. */
    public String html(DataRequests.Exported export) {
        Map<String, Object> data = map(export);
        StringBuilder main = new StringBuilder();
        main.append("<h1>What Advocacy Hub holds about ").append(escape(export.request().name())).append("</h1>");
        main.append("<p>Produced ").append(escape(export.producedAt().toString())).append(" for subject access request ")
                .append(escape(export.request().id())).append(", received ").append(escape(export.request().receivedOn().toString()))
                .append(", due ").append(escape(export.request().dueOn().toString())).append(".</p>");
        main.append("<p><strong>Before release:</strong> ").append(escape(THIRD_PARTY_NOTE)).append(" They are outlined below.</p>");
        main.append("<p>").append(escape((String) data.get("howFound"))).append("</p>");
        List<?> found = (List<?>) data.get("cases");
        main.append("<h2>Cases (").append(found.size()).append(")</h2>");
        for (Object c : found) {
            Map<?, ?> view = (Map<?, ?>) c;
            main.append("<section><h3>Case ").append(escape(String.valueOf(view.get("reference")))).append("</h3>");
            render(main, view);
            main.append("</section>");
        }
        List<?> messages = (List<?>) data.get("answerphoneMessages");
        main.append("<h2>Answerphone messages (").append(messages.size()).append(")</h2>");
        for (Object m : messages) {
            main.append("<section>");
            render(main, m);
            main.append("</section>");
        }
        return PageLayout.page("Subject access export " + export.request().id(), main.toString());
    }

    private static void render(StringBuilder html, Object value) {
        if (value instanceof Map<?, ?> map) {
            boolean marked = Boolean.TRUE.equals(map.get("thirdParty"));
            html.append(marked ? "<dl class=\"third-party\" style=\"border:3px dashed #d4351c;padding:0.5em\">"
                    + "<dt><strong>Third party's data: review before release</strong></dt><dd></dd>" : "<dl>");
            map.forEach((k, v) -> {
                if ("thirdParty".equals(k)) {
                    return;
                }
                html.append("<dt>").append(escape(label(String.valueOf(k)))).append("</dt><dd>");
                render(html, v);
                html.append("</dd>");
            });
            html.append("</dl>");
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                html.append("None");
                return;
            }
            html.append("<ol>");
            list.forEach(v -> {
                html.append("<li>");
                render(html, v);
                html.append("</li>");
            });
            html.append("</ol>");
        } else if (value instanceof Boolean b) {
            html.append(b ? "Yes" : "No");
        } else {
            html.append(escape(value == null ? "" : String.valueOf(value)));
        }
    }

    /** {@code dateOfBirth}: "Date of birth". */
    static String label(String key) {
        String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
