package org.advocacyhub.intake.web;

import static org.advocacyhub.domain.text.Html.escape;

import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.referral.AuthorityDirectory;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldGroup;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ReferralFields;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.advocacyhub.web.html.FormFields;
import org.advocacyhub.web.html.PageLayout;

/**
 * The public referral form (LLR 9.24, 9.26, 9.46; WCAG 2.2 AA): every field has a label, hints sit
 * under their labels and are announced with {@code aria-describedby}, groups are fieldsets, and a
 * failed submission shows an error summary whose links move to each field. Plain HTML: it works
 * with JavaScript off.
 */
final class ReferralFormPage {

    /** Up to this many choices are radios (GOV.UK prefers radios); longer lists are a select. */
    private static final int MAX_RADIOS = 8;

    private final FormFields fields;

    ReferralFormPage(List<AuthorityDirectory.Area> areas) {
        this.fields = new FormFields(areas);
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
        return PageLayout.page((errors.isEmpty() ? "" : "Error: ") + "Refer someone for advocacy", html.toString());
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
        return PageLayout.page(title, html.toString());
    }

    private static void errorSummary(StringBuilder html, List<FieldError> errors) {
        FormFields.errorSummary(html, errors, ReferralFormPage::anchor);
    }

    /** What {@link #anchor} answers for a problem that is not about one field of the form. */
    static final String NO_FIELD = FormFields.NO_FIELD;

    /** The id an error summary link points at: the first input of the field. */
    static String anchor(String field) {
        return ReferralFields.byName(field).or(() -> serviceQuestion(field)).map(FormFields::anchor).orElse(NO_FIELD);
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
        return FormFields.errorFor(errors, field);
    }

    private void field(StringBuilder html, FieldSpec field, Map<String, List<String>> values, String error) {
        fields.field(html, field, values, error);
    }


}
