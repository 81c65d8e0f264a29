package org.advocacyhub.casework.console;

import static org.advocacyhub.domain.text.Html.escape;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.casework.ManageStaff;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.staff.Qualification;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.web.ApiOperation;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.console.Console;
import org.advocacyhub.web.console.ConsoleRoutes;
import org.advocacyhub.web.console.ConsoleText;
import org.advocacyhub.web.html.FormFields;

/**
 * The staff directory's pages (managers): the directory, and a member's record to add or change, on the same use case as
 * {@code PUT /staff/{staffId}} ({@link ManageStaff}): one definition of the fields, the same checks and errors. Who may is
 * decided before a form is read (issue 20); a member made inactive loses their sign-in at once, as through the API.
 */
final class StaffPages {

    private final Console console;
    private final StaffDirectory directory;
    private final ManageStaff manage;
    private final FormFields fields;

    StaffPages(Console console, StaffDirectory directory, ManageStaff manage, FormFields fields) {
        this.console = console;
        this.directory = directory;
        this.manage = manage;
        this.fields = fields;
    }

    List<ApiOperation> operations() {
        return List.of(
                ConsoleRoutes.STAFF.handledBy(request -> console.page(request, staff -> directoryPage(staff, request))),
                ConsoleRoutes.STAFF_MEMBER.handledBy(request -> console.page(request, staff -> memberPage(staff,
                        request.pathParameter("staffId").orElse(""), 200, null, List.of()))),
                ConsoleRoutes.STAFF_MEMBER_SAVE.handledBy(this::save));
    }

    private APIGatewayProxyResponseEvent directoryPage(Console.Staff staff, HttpRequest request) {
        if (!staff.isManager()) {
            return Console.forbidden(staff, "Only managers can see the staff directory.");
        }
        // "Add a member of staff" asks for the new id first, then opens their (empty) record.
        Optional<String> add = request.queryParameter("add").map(String::strip);
        if (add.isPresent() && add.get().matches(StaffRecord.ID_PATTERN)) {
            return HttpResponses.seeOther(staff.href("/console/staff/" + add.get()));
        }
        StringBuilder html = new StringBuilder(10_000);
        if (add.isPresent()) {
            FormFields.errorSummary(html, List.of(new FieldError("add", idRule())), name -> "add");
        }
        Optional<String> saved = request.queryParameter("saved").flatMap(directory::find).map(StaffRecord::name);
        saved.ifPresent(name -> html.append("<div class=\"notice\" role=\"status\"><p>").append(escape(name))
                .append("'s record is saved.</p></div>"));
        html.append("<h1>Staff</h1><p>Who may be allocated what: the allocation offers an advocate only for the services they "
                + "work in and hold the qualifications for (LLR 13.1-13.7, 5.49). Open a name to change their record.</p>")
                .append("<form method=\"get\" action=\"").append(escape(staff.href("/console/staff"))).append("\" class=\"inline-form\">")
                .append("<div class=\"group").append(add.isPresent() ? " group--error" : "").append("\"><label class=\"label\" for=\"add\">")
                .append("Add a member of staff: their staff id</label><div class=\"hint\" id=\"add-hint\">Lower-case letters, digits and "
                        + "hyphens, such as sam-smith</div>")
                .append(add.isPresent() ? "<p class=\"error-message\" id=\"add-error\"><span class=\"visually-hidden\">Error:</span> "
                        + escape(idRule()) + "</p>" : "")
                .append("<input id=\"add\" name=\"add\" type=\"text\" maxlength=\"40\" autocomplete=\"off\" aria-describedby=\"add-hint")
                .append(add.isPresent() ? " add-error" : "").append("\" value=\"").append(escape(add.orElse(""))).append("\"></div>")
                .append("<button type=\"submit\" class=\"button--secondary\">Add</button></form>")
                .append("<table><caption class=\"visually-hidden\">The staff directory</caption><thead><tr><th scope=\"col\">Name</th>")
                .append("<th scope=\"col\">Role</th><th scope=\"col\">Contracts and services</th><th scope=\"col\">Qualifications</th>")
                .append("<th scope=\"col\">Active</th></tr></thead><tbody>");
        List<StaffRecord> all = new ArrayList<>(directory.all());
        all.sort(Comparator.comparing(StaffRecord::name));
        for (StaffRecord member : all) {
            html.append("<tr><td data-label=\"Name\"><a href=\"").append(escape(staff.href("/console/staff/" + member.id()))).append("\">")
                    .append(escape(member.name())).append("</a></td><td data-label=\"Role\">").append(escape(CasePage.label(member.role())))
                    .append(member.dutyManagerFor().isEmpty() ? "" : ", duty manager for " + escape(String.join(", ", member.dutyManagerFor())))
                    .append("</td><td data-label=\"Contracts and services\">").append(escape(String.join(", ", member.contracts())))
                    .append(member.services().isEmpty() ? "" : ": " + escape(String.join(", ", member.services().stream()
                            .map(ServiceCode::displayName).sorted().toList())))
                    .append("</td><td data-label=\"Qualifications\">")
                    .append(member.qualifications().isEmpty() ? "None recorded" : escape(String.join("; ", member.qualifications().entrySet()
                            .stream().map(q -> q.getKey().displayName() + " (" + ConsoleText.day(q.getValue()) + ")").toList())))
                    .append("</td><td data-label=\"Active\">").append(member.active() ? "Yes" : "No").append("</td></tr>");
        }
        html.append("</tbody></table>");
        return Console.respond(add.isPresent() ? 400 : 200, staff, (add.isPresent() ? "Error: " : "") + "Staff", "/console/staff",
                html.toString());
    }

    private static String idRule() {
        return "Enter a staff id of 1 to 40 lower-case letters, digits and hyphens, starting with a letter or digit";
    }

    /** A member's record as a form: theirs to change, or empty to add them. {@code values} null shows the record as it is. */
    private APIGatewayProxyResponseEvent memberPage(Console.Staff staff, String staffId, int status, Map<String, List<String>> values,
                                                    List<FieldError> errors) {
        if (!staff.isManager()) {
            return Console.forbidden(staff, "Only managers can see and change the staff directory.");
        }
        if (!staffId.matches(StaffRecord.ID_PATTERN)) {
            return Console.notFound(staff, "There is no member of staff with that id.");
        }
        Optional<StaffRecord> found = directory.find(staffId);
        StringBuilder html = new StringBuilder(12_000);
        if (!errors.isEmpty()) {
            FormFields.errorSummary(html, errors, name -> FormFields.anchor(manage.fields(), name));
        }
        String title = found.map(r -> r.name()).orElse("Add " + staffId);
        html.append("<span class=\"hint\">Staff directory</span><h1>").append(escape(title)).append("</h1>")
                .append("<p>Allocation reads this record at each allocation (LLR 13.1-13.7); making someone inactive ends their "
                        + "sign-in at once and lists their open cases for reallocation.</p>")
                .append("<form method=\"post\" action=\"").append(escape(staff.href("/console/staff/" + staffId)))
                .append("\" novalidate>").append(staff.formFields());
        fields.fields(html, manage.fields(), values != null ? values : found.map(StaffPages::asForm).orElse(Map.of()), errors);
        html.append("<button type=\"submit\">Save record</button></form>");
        return Console.respond(status, staff, (errors.isEmpty() ? "" : "Error: ") + title, "/console/staff", html.toString());
    }

    private APIGatewayProxyResponseEvent save(HttpRequest request) {
        String staffId = request.pathParameter("staffId").orElse("");
        return console.post(request, "/console/staff/" + staffId, (staff, posted) -> {
            if (!staff.isManager()) {
                return Console.forbidden(staff, "Only managers can change the staff directory.");
            }
            if (!posted.unreadable().isEmpty()) {
                return memberPage(staff, staffId, 400, posted.values(), posted.unreadable());
            }
            ManageStaff.Outcome outcome = manage.put(staff.actor(), staffId,
                    SubmittedFields.of(FormFields.posted(posted.values(), manage.fields())));
            if (outcome instanceof ManageStaff.Saved) {
                return HttpResponses.seeOther(staff.href("/console/staff?saved=" + staffId));
            }
            if (outcome instanceof ManageStaff.Invalid invalid) {
                return memberPage(staff, staffId, 400, posted.values(), invalid.errors());
            }
            return Console.forbidden(staff, "Only managers can change the staff directory.");
        });
    }

    /** A record as the form's values: choices by their codes, yes or no, dates in their day, month and year boxes. */
    static Map<String, List<String>> asForm(StaffRecord r) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("name", List.of(r.name()));
        values.put("email", List.of(r.email()));
        values.put("role", List.of(r.role().name()));
        values.put("active", List.of(r.active() ? "yes" : "no"));
        values.put("contracts", List.copyOf(r.contracts()));
        values.put("services", r.services().stream().map(ServiceCode::name).toList());
        values.put("languages", r.languages());
        values.put("dutyManagerFor", List.copyOf(r.dutyManagerFor()));
        date(values, "appointedOn", r.appointedOn());
        date(values, "imcaSince", r.imcaSince());
        date(values, "imhaSince", r.imhaSince());
        values.put("loginSubjects", List.copyOf(r.loginSubjects()));
        for (Map.Entry<Qualification, LocalDate> q : r.qualifications().entrySet()) {
            date(values, "qualifications." + q.getKey().name(), q.getValue());
        }
        return values;
    }

    private static void date(Map<String, List<String>> values, String name, LocalDate date) {
        if (date != null) {
            values.put(name + ".day", List.of(String.valueOf(date.getDayOfMonth())));
            values.put(name + ".month", List.of(String.valueOf(date.getMonthValue())));
            values.put(name + ".year", List.of(String.valueOf(date.getYear())));
        }
    }
}
