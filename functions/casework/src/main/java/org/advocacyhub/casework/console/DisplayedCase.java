package org.advocacyhub.casework.console;

import static org.advocacyhub.domain.text.Html.escape;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.application.casework.ExpectedVersion;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.web.console.ConsoleText;
import org.advocacyhub.web.console.ConsoleWords;
import org.advocacyhub.web.html.FormFields;

/**
 * What a case form carries of the case it was shown with (issue 19: "console forms carry the version they displayed"):
 * the case's version, which the change is then made to or refused ({@link ExpectedVersion}, as {@code If-Match} does for
 * the API), and when the page was shown, so that a form refused because the case moved on can say what changed since.
 *
 * @param expected the version the form was shown with, when it says
 * @param openedAt when the page with the form was shown, when it says
 * @param values   the form's own values, without these
 */
record DisplayedCase(Optional<ExpectedVersion> expected, Optional<Instant> openedAt, Map<String, List<String>> values) {

    static final String VERSION = "caseVersion";
    static final String OPENED_AT = "openedAt";

    /** The hidden fields of a form about a case shown at {@code version}, on a page rendered at {@code now}. */
    static String fields(long version, Instant now) {
        return "<input type=\"hidden\" name=\"" + VERSION + "\" value=\"" + version + "\">"
                + "<input type=\"hidden\" name=\"" + OPENED_AT + "\" value=\"" + escape(now.toString()) + "\">";
    }

    /**
     * What a posted form says of the case it was shown with. A version that is not a number is a version the case never
     * had: the form is refused as stale rather than applied to whatever the case is now.
     */
    static DisplayedCase read(Map<String, List<String>> posted) {
        Map<String, List<String>> values = new LinkedHashMap<>(posted);
        List<String> version = values.remove(VERSION);
        List<String> opened = values.remove(OPENED_AT);
        Optional<ExpectedVersion> expected = version == null ? Optional.empty()
                : Optional.of(ExpectedVersion.of(version.size() == 1 && version.get(0).matches("[0-9]{1,18}")
                ? Set.of(Long.parseLong(version.get(0))) : Set.of()));
        Optional<Instant> openedAt = Optional.empty();
        if (opened != null && opened.size() == 1) {
            try {
                openedAt = Optional.of(Instant.parse(opened.get(0)));
            } catch (DateTimeParseException notATime) {
                // Not a time this page wrote: the changes cannot be listed, only that there were some.
            }
        }
        return new DisplayedCase(expected, openedAt, values);
    }

    /**
     * Why the form was not saved, for the top of the page: the case changed since the form was opened, and what changed,
     * as the timeline tells it (times in London time, people by name, as the case page shows them).
     */
    List<FieldError> whatChanged(List<CaseEvent> timeline, ConsoleWords words) {
        List<FieldError> lines = new ArrayList<>();
        lines.add(new FieldError(FormFields.NO_FIELD, "The case changed since you opened this form, so it was not saved. "
                + "Check what changed, then send the form again if it still applies."));
        List<CaseEvent> since = openedAt.map(opened -> timeline.stream().filter(e -> !e.at().isBefore(opened)).toList())
                .orElse(List.of());
        for (CaseEvent event : since) {
            lines.add(new FieldError(FormFields.NO_FIELD, "Since then, " + ConsoleText.when(event.at()) + ": " + words.of(event.description())));
        }
        if (since.isEmpty()) {
            lines.add(new FieldError(FormFields.NO_FIELD, "Someone else saved a change to the case meanwhile."));
        }
        return lines;
    }
}
