package org.advocacyhub.web.console;

import static org.advocacyhub.domain.text.Html.escape;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.advocacyhub.application.casework.IdentifyStaff;
import org.advocacyhub.application.casework.StaffActor;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.web.FormBody;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.IdempotencyKey;
import org.advocacyhub.web.IdempotentRequests;
import org.advocacyhub.web.RequestBodies;
import org.advocacyhub.web.html.PageLayout;

/**
 * What every page of the staff console does, written once for every function that serves one:
 * who is signed in (else on to sign-in, coming back to the page asked for), the page's header
 * with the console's navigation and the sign-out button, and a form post read by the same rules
 * as every request body ({@link RequestBodies#form}) with its CSRF token checked, done once for its
 * one-time form id ({@link IdempotentRequests}, issue 19: a form posted twice stored two). Pages are
 * {@code Cache-Control: no-store} under the strict Content-Security-Policy of the public form
 * ({@link HttpResponses#html}).
 */
public final class Console {

    /** The hidden field every console form carries. */
    public static final String CSRF_FIELD = "csrf";
    /**
     * The hidden one-time id every console form carries but the sign-out button's: a random UUID made when the page is
     * rendered, the form post's idempotency key, scoped to the signed-in person. The form posted again (a double click,
     * a resend after a timeout, the back button) is done once, and answered as the first post was.
     */
    public static final String FORM_ID_FIELD = "formId";

    private final StaffSignIn signIn;
    private final IdentifyStaff identify;
    private final RequestBodies bodies;
    private final IdempotentRequests idempotency;
    private final RefusedSignIns refusals;

    public Console(StaffSignIn signIn, IdentifyStaff identify, RequestBodies bodies, IdempotentRequests idempotency) {
        this(signIn, identify, bodies, idempotency, RefusedSignIns.NONE);
    }

    /** @param refusals where a request the directory refuses is recorded (the case it was aimed at) */
    public Console(StaffSignIn signIn, IdentifyStaff identify, RequestBodies bodies, IdempotentRequests idempotency,
                   RefusedSignIns refusals) {
        this.signIn = signIn;
        this.identify = identify;
        this.bodies = bodies;
        this.idempotency = idempotency;
        this.refusals = refusals;
    }

    /** This console, recording each request the staff directory refuses with {@code recorder} (the case it was aimed at). */
    public Console recordingRefusals(RefusedSignIns recorder) {
        return new Console(signIn, identify, bodies, idempotency, recorder);
    }

    /** The signed-in member of staff on a console page, and the request's base path for links. */
    public record Staff(StaffActor actor, StaffSignIn.Session session, String basePath) {

        /** This session's CSRF token. */
        public String csrf() {
            return csrfToken(session.token());
        }

        /** A console path as a link: {@code /console/...} under the site's base path. */
        public String href(String path) {
            return basePath + path;
        }

        /** What the header calls them: their directory name, or their id. */
        public String name() {
            return actor.record().map(StaffRecord::name).orElse(actor.id());
        }

        public boolean isManager() {
            return actor.isManager();
        }

        /** The hidden CSRF field for a form. */
        public String csrfField() {
            return "<input type=\"hidden\" name=\"" + CSRF_FIELD + "\" value=\"" + escape(csrf()) + "\">";
        }

        /** The hidden fields of a form that changes something: the CSRF token and a new one-time form id. */
        public String formFields() {
            return csrfField() + "<input type=\"hidden\" name=\"" + FORM_ID_FIELD + "\" value=\"" + UUID.randomUUID() + "\">";
        }
    }

    /** A form post that passed: its values (the CSRF token taken out), and each value that could not be read, named. */
    public record Posted(Map<String, List<String>> values, List<FieldError> unreadable) {
    }

    /**
     * A console page: {@code then} with the signed-in member of staff, or 303 to sign-in, which
     * comes back here (a session that has expired is the same as none).
     */
    public APIGatewayProxyResponseEvent page(HttpRequest request, Function<Staff, APIGatewayProxyResponseEvent> then) {
        Optional<StaffSignIn.Session> session = signIn.session(request);
        if (session.isEmpty()) {
            return toSignIn(request, request.pathWithQuery());
        }
        Admission admission = admitted(request, session.get(), request.pathWithQuery());
        if (admission.actor().isEmpty()) {
            return admission.refusal();
        }
        return then.apply(new Staff(admission.actor().get(), session.get(), request.basePath()));
    }

    /**
     * Who the session's member of staff is by the directory now (issue 20), or empty when the session must end: their
     * record is gone or not active (a leaver, a deactivation) or their role is no longer the one the session began
     * with. An ended session is deleted, so its cookie (and the CSRF token made from it) never works again.
     */
    private Admission admitted(HttpRequest request, StaffSignIn.Session session, String returnTo) {
        IdentifyStaff.Identity identity = identify.identify(session.member());
        if (!(identity instanceof IdentifyStaff.Known known)) {
            // Refused by the directory: 403 with why (signing in again would change nothing), on the record of what it
            // was aimed at.
            signIn.end(session);
            if (identity instanceof IdentifyStaff.Refused refused) {
                refusals.record(request, refused);
            }
            return new Admission(Optional.empty(), noAccess(request, identity));
        }
        String role = known.actor().record().map(r -> r.role().name()).orElseThrow();
        if (session.role() == null) {
            signIn.bind(session, role);
        } else if (!session.role().equals(role)) {
            // A role change: sign in again, and the new role applies to the new session.
            signIn.end(session);
            return new Admission(Optional.empty(), toSignIn(request, returnTo));
        }
        return new Admission(Optional.of(known.actor()), null);
    }

    /** Who the session's member of staff is now, or the answer when their session has just ended. */
    private record Admission(Optional<StaffActor> actor, APIGatewayProxyResponseEvent refusal) {
    }

    /**
     * 403 for a session whose person the staff directory refuses (issue 20: a leaver, a deactivated advocate, a sign-in
     * not in the directory), checked on every page and post: why, and the way to sign out. Nothing about any case.
     */
    private static APIGatewayProxyResponseEvent noAccess(HttpRequest request, IdentifyStaff.Identity identity) {
        String why = identity instanceof IdentifyStaff.Refused refused ? refused.why() : IdentifyStaff.DIRECTORY_FIRST;
        return HttpResponses.html(403, PageLayout.page("No access", "<h1>You have no access to the hub</h1><p>" + escape(why)
                + "</p><p>You have been signed out of the staff console.</p>"));
    }

    /**
     * A console form post: signed in (else 303 to sign-in, back to {@code returnTo}), a form body
     * by the shared rules (else its 413 or 415), the session's CSRF token (else 403: nothing is
     * changed) and the form's one-time id (else 400: a form from before forms had one), then
     * {@code then} once for that form id: the form posted again gets the first post's answer (the same
     * 303) and changes nothing more. {@code then} gets the values, with the names whose value could not
     * be read, and who is signed in with the post's request id ({@link StaffActor#request}).
     */
    public APIGatewayProxyResponseEvent post(HttpRequest request, String returnTo,
                                             BiFunction<Staff, Posted, APIGatewayProxyResponseEvent> then) {
        return signedInPost(request, returnTo, (session, parsed) -> {
            List<String> ids = parsed.values().getOrDefault(FORM_ID_FIELD, List.of());
            if (ids.size() != 1 || !IdempotencyKey.valid(ids.get(0))) {
                return expired(request, session, returnTo, 400);
            }
            Map<String, List<String>> values = new LinkedHashMap<>(parsed.values());
            values.remove(CSRF_FIELD);
            values.remove(FORM_ID_FIELD);
            List<FieldError> unreadable = parsed.problems(name -> name, FormBody.Parsed::quoted, CSRF_FIELD, "Enter it again");
            // The directory decides before the form is read or kept (issue 20): a refused post changes nothing.
            Admission admission = admitted(request, session, returnTo);
            if (admission.actor().isEmpty()) {
                return admission.refusal();
            }
            StaffActor actor = admission.actor().get();
            return idempotency.run(request, session.member().id(), ids.get(0), refusals(request, returnTo), keyed ->
                    then.apply(new Staff(actor.asking(keyed.requestId(), Optional.empty()), session,
                            request.basePath()), new Posted(values, unreadable)));
        });
    }

    /** A post by the signed-in member of staff with the session's CSRF token, or why not (sign-in, 413, 415, 403). */
    private APIGatewayProxyResponseEvent signedInPost(HttpRequest request, String returnTo,
                                                      BiFunction<StaffSignIn.Session, FormBody.Parsed, APIGatewayProxyResponseEvent> then) {
        Optional<StaffSignIn.Session> session = signIn.session(request);
        if (session.isEmpty()) {
            // The form is lost with the session: it is not kept for after sign-in (it could hold personal data).
            return toSignIn(request, returnTo);
        }
        RequestBodies.Read read = bodies.form(request);
        if (read instanceof RequestBodies.Refused refused) {
            return refused.response();
        }
        FormBody.Parsed parsed = ((RequestBodies.Form) read).parsed();
        List<String> tokens = parsed.values().getOrDefault(CSRF_FIELD, List.of());
        if (tokens.size() != 1 || !constantTimeEquals(tokens.get(0), csrfToken(session.get().token()))) {
            return expired(request, session.get(), returnTo, 403);
        }
        return then.apply(session.get(), parsed);
    }

    /**
     * A form that cannot be taken (forged, or from an old page): nothing changed, and the way back to the page, on a
     * console page with its header (issue 21) for someone the directory lets in; the directory's refusal for anyone else.
     */
    private APIGatewayProxyResponseEvent expired(HttpRequest request, StaffSignIn.Session session, String returnTo, int status) {
        Admission admission = admitted(request, session, returnTo);
        if (admission.actor().isEmpty()) {
            return admission.refusal();
        }
        return respond(status, new Staff(admission.actor().get(), session, request.basePath()), "Form expired", "",
                "<h1>This form has expired</h1><p>Nothing was changed. <a href=\"" + escape(request.basePath() + returnTo)
                        + "\">Go back to the page</a>, load it again and send the form from there.</p>");
    }

    /** The console's answers when a form's id cannot be used now: a page, with the way back. */
    private static IdempotentRequests.Refusals refusals(HttpRequest request, String returnTo) {
        String back = "<a href=\"" + escape(request.basePath() + returnTo) + "\">Go back to the page</a>";
        return new IdempotentRequests.Refusals() {
            @Override
            public APIGatewayProxyResponseEvent inProgress(long retryAfterSeconds) {
                return HttpResponses.withHeader(HttpResponses.html(409, PageLayout.page("Being saved", "<h1>This form is being "
                        + "saved</h1><p>It was sent a moment ago and is still being saved. " + back + " in a few seconds to see "
                        + "it saved.</p>")), "Retry-After", Long.toString(retryAfterSeconds));
            }

            @Override
            public APIGatewayProxyResponseEvent otherRequest() {
                return HttpResponses.html(409, PageLayout.page("Already sent", "<h1>This form was already sent</h1><p>It was "
                        + "saved with the values it had then; what you changed since was not saved. " + back + ", load it again "
                        + "and send the form from there.</p>"));
            }

            @Override
            public APIGatewayProxyResponseEvent doneNotKept() {
                return HttpResponses.html(409, PageLayout.page("Already sent", "<h1>This form was already sent</h1><p>It was "
                        + "saved. " + back + " to see it.</p>"));
            }
        };
    }

    /** 303 to sign-in, which comes back to {@code returnTo}, a console path. */
    private static APIGatewayProxyResponseEvent toSignIn(HttpRequest request, String returnTo) {
        return HttpResponses.seeOther(request.basePath() + "/console/sign-in?returnTo="
                + java.net.URLEncoder.encode(returnTo, StandardCharsets.UTF_8));
    }

    /**
     * The sign-out button's post: its CSRF token checked like any form's, then the session ends. It carries no form id:
     * signing out twice is signing out.
     */
    public APIGatewayProxyResponseEvent signOut(HttpRequest request) {
        return signedInPost(request, "/console", (session, parsed) -> signIn.signOut(request));
    }

    /**
     * A whole console page: the header with the navigation (the current page marked), who is
     * signed in and the sign-out button, then {@code mainHtml}.
     *
     * @param current the path of the navigation item this page belongs to
     */
    public static String render(Staff staff, String title, String current, String mainHtml) {
        StringBuilder header = new StringBuilder(1_000);
        header.append("<a href=\"").append(escape(staff.href("/console"))).append("\">Advocacy Hub</a>")
                .append("<nav aria-label=\"Console\"><ul>");
        List<String[]> items = new ArrayList<>();
        items.add(new String[] {"/console", "Home"});
        items.add(new String[] {"/console/waiting-list", "Waiting list"});
        items.add(new String[] {"/console/cases", staff.isManager() ? "Open cases" : "Your cases"});
        items.add(new String[] {"/console/answerphone", "Answerphone"});
        items.add(new String[] {"/console/returns", "Returns"});
        if (staff.isManager()) {
            items.add(new String[] {"/console/reports", "Reports"});
            items.add(new String[] {"/console/staff", "Staff"});
            items.add(new String[] {"/console/retention", "Retention"});
            items.add(new String[] {"/console/data-requests", "Data requests"});
            items.add(new String[] {"/console/exports", "Handover"});
        }
        for (String[] item : items) {
            header.append("<li><a href=\"").append(escape(staff.href(item[0]))).append("\"")
                    .append(item[0].equals(current) ? " aria-current=\"page\"" : "").append(">").append(item[1]).append("</a></li>");
        }
        header.append("</ul></nav><form method=\"post\" action=\"").append(escape(staff.href("/console/sign-out"))).append("\">")
                .append("<span class=\"who\">").append(escape(staff.name())).append(staff.isManager() ? " (manager)" : " (advocate)")
                .append("</span> ").append(staff.csrfField()).append("<button type=\"submit\">Sign out</button></form>");
        return PageLayout.staffPage(title, header.toString(), mainHtml);
    }

    /** A console page as the response. */
    public static APIGatewayProxyResponseEvent respond(int status, Staff staff, String title, String current, String mainHtml) {
        return HttpResponses.html(status, render(staff, title, current, mainHtml));
    }

    /** 403 as a console page: what the member of staff may not see, and why. */
    public static APIGatewayProxyResponseEvent forbidden(Staff staff, String why) {
        return respond(403, staff, "Not allowed", "", "<h1>You cannot see this page</h1><p>" + escape(why) + "</p>");
    }

    /** 404 as a console page. */
    public static APIGatewayProxyResponseEvent notFound(Staff staff, String what) {
        return respond(404, staff, "Not found", "", "<h1>Not found</h1><p>" + escape(what) + "</p>");
    }

    /**
     * The CSRF token of a session: a digest of its token (which only the session's own browser
     * holds, in an HttpOnly cookie), so it needs no store and ends with the session. With the
     * cookie's {@code SameSite=Lax} and the CSP's {@code form-action 'self'} it stops another
     * site's page from posting a console form.
     */
    static String csrfToken(String sessionToken) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("advocacy-hub console CSRF\n".getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest(sessionToken.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
