package org.advocacyhub.intake.web;

import static org.advocacyhub.messaging.email.Html.escape;

import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.referral.AuthorityDirectory;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldGroup;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ReferralFields;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.advocacyhub.domain.referral.TextPolicy;

/**
 * The public referral form (LLR 9.24, 9.26, 9.46; WCAG 2.2 AA): every field has a label, hints sit
 * under their labels and are announced with {@code aria-describedby}, groups are fieldsets, and a
 * failed submission shows an error summary whose links move to each field. Plain HTML: it works
 * with JavaScript off.
 */
final class ReferralFormPage {

    /** Up to this many choices are radios (GOV.UK prefers radios); longer lists are a select. */
    private static final int MAX_RADIOS = 8;

    private final List<AuthorityDirectory.Area> areas;

    ReferralFormPage(List<AuthorityDirectory.Area> areas) {
        this.areas = List.copyOf(areas);
    }

    /**
     * Step 1: which service. A GET form, so choosing works without JavaScript and the next page
     * can show only that service's questions.
     */
    String chooseService(List<FieldError> errors) {
        StringBuilder html = new StringBuilder(4_000);
        errorSummary(html, errors);
        html.append("<h1>Refer someone for advocacy</h1>")
                .append("<p>Use this form to refer yourself or someone else to an independent advocate. ")
                .append("It takes about 10 minutes. We will give you a reference number.</p>")
                .append("<form method=\"get\" action=\"new\" novalidate>");
        field(html, ReferralFields.SERVICE, Map.of(), errorFor(errors, ReferralFields.SERVICE));
        html.append("<button type=\"submit\">Continue</button></form>");
        return Page.layout((errors.isEmpty() ? "" : "Error: ") + "Refer someone for advocacy", html.toString());
    }

    /**
     * Step 2: the referral for one service: the common questions, then that service's own
     * (requirements §4), and nothing else.
     *
     * @param values what the referrer typed last time (kept on a failed submission), by form name
     * @param errors the problems to show, in form order
     * @param token  the one-time submission token that makes a repeated post harmless
     */
    String render(ServiceCode service, Map<String, List<String>> values, List<FieldError> errors, String token) {
        StringBuilder html = new StringBuilder(40_000);
        errorSummary(html, errors);
        html.append("<h1>Refer someone for ").append(escape(service.displayName())).append("</h1>")
                .append("<p>Service: ").append(escape(service.displayName()))
                .append(" <a href=\"new\">Change<span class=\"visually-hidden\"> the service</span></a></p>")
                .append("<form method=\"post\" action=\"../referrals\" novalidate>")
                .append("<input type=\"hidden\" name=\"").append(IntakeWeb.FORM_TOKEN).append("\" value=\"")
                .append(escape(token)).append("\">")
                .append("<input type=\"hidden\" name=\"service\" value=\"").append(service.name()).append("\">");
        List<FieldGroup> groups = new java.util.ArrayList<>(ReferralFields.GROUPS.subList(1, ReferralFields.GROUPS.size()));
        List<FieldSpec> questions = ServiceQuestions.forService(service);
        if (!questions.isEmpty()) {
            groups.add(2, new FieldGroup("details", "About the " + service.displayName() + " referral",
                    "We use these answers to check the referral against the rules for the service. Answer what you know.",
                    questions));
        }
        for (FieldGroup group : groups) {
            String hintId = "group-" + group.id() + "-hint";
            html.append("<fieldset id=\"group-").append(group.id()).append("\"")
                    .append(group.hint().isEmpty() ? "" : " aria-describedby=\"" + hintId + "\"")
                    .append("><legend><h2>").append(escape(group.legend())).append("</h2></legend>");
            if (!group.hint().isEmpty()) {
                html.append("<p id=\"").append(hintId).append("\" class=\"hint\">").append(escape(group.hint())).append("</p>");
            }
            for (FieldSpec field : group.fields()) {
                field(html, field, values, errorFor(errors, field));
            }
            html.append("</fieldset>");
        }
        html.append("<button type=\"submit\">Send referral</button></form>");
        String title = (errors.isEmpty() ? "" : "Error: ") + "Refer someone for " + service.displayName();
        return Page.layout(title, html.toString());
    }

    private static void errorSummary(StringBuilder html, List<FieldError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        // autofocus moves focus to the summary on load without JavaScript (GOV.UK does it with script).
        html.append("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus aria-labelledby=\"error-summary-title\">")
                .append("<h2 id=\"error-summary-title\">There is a problem</h2><ul>");
        for (FieldError error : errors) {
            String anchor = anchor(error.field());
            if (anchor.equals(NO_FIELD)) {
                // Not about one field (an expired form, say): nothing on the page to link to.
                html.append("<li>").append(escape(error.message())).append("</li>");
            } else {
                html.append("<li><a href=\"#").append(escape(anchor)).append("\">")
                        .append(escape(error.message())).append("</a></li>");
            }
        }
        html.append("</ul></div>");
    }

    /** What {@link #anchor} answers for a problem that is not about one field of the form. */
    static final String NO_FIELD = "main";

    /** The id an error summary link points at: the first input of the field. */
    static String anchor(String field) {
        return ReferralFields.byName(field).or(() -> serviceQuestion(field))
                .map(spec -> switch (spec.kind()) {
                    case DATE, PAST_DATE -> spec.htmlId() + "-day";
                    case YES_NO -> spec.htmlId() + "-yes";
                    case CHOICE, MULTI_CHOICE -> asRadiosOrCheckboxes(spec)
                            ? spec.htmlId() + "-" + spec.choices().get(0).name()
                            : spec.htmlId();
                    default -> spec.htmlId();
                })
                .orElse(NO_FIELD);
    }

    /** Checkboxes always; radios up to {@link #MAX_RADIOS} choices; a select beyond. The anchor and the renderer both ask. */
    private static boolean asRadiosOrCheckboxes(FieldSpec field) {
        return field.kind() == FieldKind.MULTI_CHOICE || field.choices().size() <= MAX_RADIOS;
    }

    private static java.util.Optional<FieldSpec> serviceQuestion(String field) {
        for (ServiceCode service : ServiceCode.values()) {
            java.util.Optional<FieldSpec> question = ServiceQuestions.find(service, field);
            if (question.isPresent()) {
                return question;
            }
        }
        return java.util.Optional.empty();
    }

    private static String errorFor(List<FieldError> errors, FieldSpec field) {
        return errors.stream().filter(e -> e.field().equals(field.name())).map(FieldError::message).findFirst().orElse(null);
    }

    private void field(StringBuilder html, FieldSpec field, Map<String, List<String>> values, String error) {
        String id = field.htmlId();
        boolean fieldset = field.kind().isDate() || field.kind() == FieldKind.YES_NO
                || (field.isChoice() && asRadiosOrCheckboxes(field));
        String describedBy = describedBy(field, error);
        html.append("<div class=\"group").append(error == null ? "" : " group--error").append("\">");
        if (fieldset) {
            html.append("<fieldset").append(describedBy).append("><legend>").append(escape(field.label()))
                    .append(optional(field)).append("</legend>");
        } else {
            html.append("<label for=\"").append(id).append("\">").append(escape(field.label())).append(optional(field))
                    .append("</label>");
        }
        if (!field.hint().isEmpty()) {
            html.append("<div id=\"").append(id).append("-hint\" class=\"hint\">").append(escape(field.hint())).append("</div>");
        }
        if (error != null) {
            html.append("<p id=\"").append(id).append("-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> ")
                    .append(escape(error)).append("</p>");
        }
        String errorClass = error == null ? "" : " input--error";
        switch (field.kind()) {
            case TEXT, EMAIL, PHONE, POSTCODE -> html.append("<input class=\"").append((width(field) + errorClass).strip()).append("\" id=\"")
                    .append(id).append("\" name=\"").append(field.name()).append("\" type=\"")
                    .append(field.kind() == FieldKind.EMAIL ? "email" : field.kind() == FieldKind.PHONE ? "tel" : "text")
                    .append("\" maxlength=\"").append(field.maxLength()).append("\" value=\"")
                    .append(escape(first(values, field.name()))).append("\"").append(autocomplete(field))
                    .append(describedBy).append(">");
            case TEXTAREA -> html.append("<textarea class=\"").append(errorClass.strip()).append("\" id=\"").append(id)
                    .append("\" name=\"").append(field.name()).append("\" maxlength=\"").append(field.maxLength()).append("\"")
                    .append(describedBy).append(">").append(escape(TextPolicy.displayable(rawFirst(values, field.name()), true)))
                    .append("</textarea>");
            case DATE, PAST_DATE -> date(html, field, values, errorClass);
            case YES_NO -> radios(html, field, List.of(new Option("yes", "Yes"), new Option("no", "No")), values);
            case CHOICE, MULTI_CHOICE -> {
                List<Option> options = field.choices().stream().map(c -> new Option(c.name(), c.displayName())).toList();
                if (fieldset) {
                    if (field.kind() == FieldKind.MULTI_CHOICE) {
                        checkboxes(html, field, options, values);
                    } else {
                        radios(html, field, options, values);
                    }
                } else {
                    select(html, field, options, values, errorClass, describedBy);
                }
            }
            case AUTHORITY -> {
                List<Option> options = new java.util.ArrayList<>(areas.stream()
                        .map(a -> new Option(a.code(), a.name() + " (" + a.contract() + ")")).toList());
                options.add(new Option(AuthorityDirectory.OUTSIDE_AREA, "Another area"));
                select(html, field, options, values, errorClass, describedBy);
            }
        }
        html.append(fieldset ? "</fieldset>" : "").append("</div>");
    }

    private record Option(String value, String text) {
    }

    /** GOV.UK: a field's width hints at the length of the answer. */
    private static String width(FieldSpec field) {
        return switch (field.kind()) {
            case POSTCODE -> "input--postcode";
            case PHONE -> "input--phone";
            default -> "";
        };
    }

    private static String optional(FieldSpec field) {
        return field.required() ? "" : " (optional)";
    }

    private static String describedBy(FieldSpec field, String error) {
        String ids = ((field.hint().isEmpty() ? "" : field.htmlId() + "-hint ") + (error == null ? "" : field.htmlId() + "-error")).strip();
        return ids.isEmpty() ? "" : " aria-describedby=\"" + ids + "\"";
    }

    private static String autocomplete(FieldSpec field) {
        return switch (field.name()) {
            case "referrer.name" -> " autocomplete=\"name\"";
            case "referrer.email" -> " autocomplete=\"email\" spellcheck=\"false\"";
            case "referrer.phone" -> " autocomplete=\"tel\"";
            case "referrer.organisation" -> " autocomplete=\"organization\"";
            case "referrer.role" -> " autocomplete=\"organization-title\"";
            // The person's details are not the browser user's: never autofill them.
            default -> " autocomplete=\"off\"";
        };
    }

    private static void date(StringBuilder html, FieldSpec field, Map<String, List<String>> values, String errorClass) {
        html.append("<div class=\"date\">");
        for (String[] part : new String[][] {{"day", "Day", "2"}, {"month", "Month", "2"}, {"year", "Year", "4"}}) {
            String name = field.name() + "." + part[0];
            String id = field.htmlId() + "-" + part[0];
            html.append("<div><label for=\"").append(id).append("\">").append(part[1]).append("</label>")
                    .append("<input class=\"input--date").append(part[0].equals("year") ? " input--year" : "").append(errorClass)
                    .append("\" id=\"").append(id).append("\" name=\"").append(name)
                    .append("\" type=\"text\" inputmode=\"numeric\" maxlength=\"").append(part[2]).append("\" value=\"")
                    .append(escape(first(values, name))).append("\"")
                    .append(field == ReferralFields.PERSON_DOB ? "" : " autocomplete=\"off\"").append("></div>");
        }
        html.append("</div>");
    }

    private static void radios(StringBuilder html, FieldSpec field, List<Option> options, Map<String, List<String>> values) {
        choices(html, field, options, values, "radio");
    }

    private static void checkboxes(StringBuilder html, FieldSpec field, List<Option> options, Map<String, List<String>> values) {
        choices(html, field, options, values, "checkbox");
    }

    private static void choices(StringBuilder html, FieldSpec field, List<Option> options, Map<String, List<String>> values,
                                String type) {
        List<String> chosen = values.getOrDefault(field.name(), List.of());
        for (Option option : options) {
            String id = field.htmlId() + "-" + option.value();
            html.append("<div class=\"choice\"><input id=\"").append(escape(id)).append("\" name=\"").append(field.name())
                    .append("\" type=\"").append(type).append("\" value=\"").append(escape(option.value())).append("\"")
                    .append(chosen.contains(option.value()) ? " checked" : "").append("><label for=\"").append(escape(id))
                    .append("\">").append(escape(option.text())).append("</label></div>");
        }
    }

    private static void select(StringBuilder html, FieldSpec field, List<Option> options, Map<String, List<String>> values,
                               String errorClass, String describedBy) {
        String current = first(values, field.name());
        html.append("<select class=\"").append(errorClass.strip()).append("\" id=\"").append(field.htmlId()).append("\" name=\"")
                .append(field.name()).append("\"").append(describedBy).append("><option value=\"\">Choose one</option>");
        for (Option option : options) {
            html.append("<option value=\"").append(escape(option.value())).append("\"")
                    .append(option.value().equals(current) ? " selected" : "").append(">").append(escape(option.text()))
                    .append("</option>");
        }
        html.append("</select>");
    }

    /**
     * A one-line value to show again, without the characters the text policy refuses (its error
     * says what was wrong): an HTML page cannot hold control characters faithfully anyway.
     */
    private static String first(Map<String, List<String>> values, String name) {
        return TextPolicy.displayable(rawFirst(values, name), false);
    }

    private static String rawFirst(Map<String, List<String>> values, String name) {
        List<String> all = values.get(name);
        return all == null || all.isEmpty() ? "" : all.get(0);
    }

}
