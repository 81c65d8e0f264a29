package org.advocacyhub.web.html;

import static org.advocacyhub.domain.text.Html.escape;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.advocacyhub.domain.referral.AuthorityDirectory;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.TextPolicy;

/**
 * Form fields as HTML from their {@link FieldSpec}s, for every form of every page (the public
 * referral form and the staff console), and a posted form's values back as the fields the shared
 * validation reads. WCAG 2.2 AA: every field has a label, hints sit under their labels and are
 * announced with {@code aria-describedby}, groups are fieldsets, and a failed submission shows an
 * error summary whose links move to each field. Plain HTML: it works with JavaScript off.
 */
public final class FormFields {

    /** Up to this many choices are radios (GOV.UK prefers radios); longer lists are a select. */
    private static final int MAX_RADIOS = 8;
    /** What {@link #anchor} answers for a problem that is not about one field of the form: the page's main. */
    public static final String NO_FIELD = "main";
    /** The zone a staff member's date and time is typed in: the hub's (requirements §2). */
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final List<AuthorityDirectory.Area> areas;
    /** Put before every id, so that several forms on one page (the case page's) never share an id. */
    private final String idPrefix;

    /** @param areas the council areas an {@link FieldKind#AUTHORITY} field offers */
    public FormFields(List<AuthorityDirectory.Area> areas) {
        this(areas, "");
    }

    private FormFields(List<AuthorityDirectory.Area> areas, String idPrefix) {
        this.areas = List.copyOf(areas);
        this.idPrefix = idPrefix;
    }

    /** The same renderer with {@code prefix} before every id (and so before every {@link #anchor}). */
    public FormFields withIdPrefix(String prefix) {
        return new FormFields(areas, prefix);
    }

    private String id(FieldSpec field) {
        return idPrefix + field.htmlId();
    }

    /** For forms without an authority field. */
    public static FormFields plain() {
        return new FormFields(List.of());
    }

    /**
     * The error summary at the top of a page that failed: each problem links to its field's input
     * ({@code anchor} gives the id, or {@link #NO_FIELD} for a problem not about one field).
     */
    public static void errorSummary(StringBuilder html, List<FieldError> errors, Function<String, String> anchor) {
        if (errors.isEmpty()) {
            return;
        }
        // autofocus moves focus to the summary on load without JavaScript (GOV.UK does it with script).
        html.append("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus aria-labelledby=\"error-summary-title\">")
                .append("<h2 id=\"error-summary-title\">There is a problem</h2><ul>");
        for (FieldError error : errors) {
            String id = anchor.apply(error.field());
            if (id.equals(NO_FIELD)) {
                html.append("<li>").append(escape(error.message())).append("</li>");
            } else {
                html.append("<li><a href=\"#").append(escape(id)).append("\">").append(escape(error.message())).append("</a></li>");
            }
        }
        html.append("</ul></div>");
    }

    /** The id an error summary link points at for a field: its first input. */
    public static String anchor(FieldSpec spec) {
        return switch (spec.kind()) {
            case DATE, PAST_DATE -> spec.htmlId() + "-day";
            case YES_NO -> spec.htmlId() + "-yes";
            case CHOICE, MULTI_CHOICE -> asRadiosOrCheckboxes(spec) && !spec.choices().isEmpty() ? spec.htmlId() + "-" + spec.choices().get(0).name() : spec.htmlId();
            default -> spec.htmlId();
        };
    }

    /** The anchor of a field among {@code fields} by name, or {@link #NO_FIELD}. */
    public static String anchor(Collection<FieldSpec> fields, String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst().map(FormFields::anchor).orElse(NO_FIELD);
    }

    /** The first error about a field, or {@code null}. */
    public static String errorFor(List<FieldError> errors, FieldSpec field) {
        return errors.stream().filter(e -> e.field().equals(field.name())).map(FieldError::message).findFirst().orElse(null);
    }

    /** Checkboxes always; radios up to {@link #MAX_RADIOS} choices; a select beyond. The anchor and the renderer both ask. */
    private static boolean asRadiosOrCheckboxes(FieldSpec field) {
        return field.kind() == FieldKind.MULTI_CHOICE || field.choices().size() <= MAX_RADIOS;
    }

    /** Each field with its error from {@code errors}. */
    public void fields(StringBuilder html, List<FieldSpec> fields, Map<String, List<String>> values, List<FieldError> errors) {
        for (FieldSpec field : fields) {
            field(html, field, values, errorFor(errors, field));
        }
    }

    /** One field: label or legend, hint, error and input, with the value last typed. */
    public void field(StringBuilder html, FieldSpec field, Map<String, List<String>> values, String error) {
        String id = id(field);
        boolean fieldset = field.kind().isDate() || field.kind() == FieldKind.YES_NO
                || (field.isChoice() && asRadiosOrCheckboxes(field));
        String describedBy = describedBy(id, field, error);
        html.append("<div class=\"group").append(error == null ? "" : " group--error").append("\">");
        if (fieldset) {
            html.append("<fieldset").append(describedBy).append("><legend>").append(escape(field.label()))
                    .append(optional(field)).append("</legend>");
        } else {
            html.append("<label for=\"").append(id).append("\">").append(escape(field.label())).append(optional(field))
                    .append("</label>");
        }
        if (!hint(field).isEmpty()) {
            html.append("<div id=\"").append(id).append("-hint\" class=\"hint\">").append(escape(hint(field))).append("</div>");
        }
        if (error != null) {
            html.append("<p id=\"").append(id).append("-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> ")
                    .append(escape(error)).append("</p>");
        }
        String errorClass = error == null ? "" : " input--error";
        switch (field.kind()) {
            case TEXT, EMAIL, PHONE, POSTCODE, TEXT_LIST, INTEGER, DECIMAL -> html.append("<input class=\"")
                    .append((width(field) + errorClass).strip()).append("\" id=\"")
                    .append(id).append("\" name=\"").append(field.name()).append("\" type=\"")
                    .append(field.kind() == FieldKind.EMAIL ? "email" : field.kind() == FieldKind.PHONE ? "tel" : "text")
                    .append("\"").append(field.kind() == FieldKind.INTEGER ? " inputmode=\"numeric\""
                            : field.kind() == FieldKind.DECIMAL ? " inputmode=\"decimal\"" : "")
                    .append(field.kind() == FieldKind.TEXT_LIST ? "" : " maxlength=\"" + field.maxLength() + "\"").append(" value=\"")
                    .append(escape(field.kind() == FieldKind.TEXT_LIST ? joined(values, field.name()) : first(values, field.name())))
                    .append("\"").append(autocomplete(field))
                    .append(describedBy).append(">");
            case TEXTAREA -> html.append("<textarea class=\"").append(errorClass.strip()).append("\" id=\"").append(id)
                    .append("\" name=\"").append(field.name()).append("\" maxlength=\"").append(field.maxLength()).append("\"")
                    .append(describedBy).append(">").append(escape(TextPolicy.displayable(rawFirst(values, field.name()), true)))
                    .append("</textarea>");
            case DATE_TIME -> html.append("<input class=\"").append(errorClass.strip()).append("\" id=\"").append(id)
                    .append("\" name=\"").append(field.name()).append("\" type=\"datetime-local\" step=\"1\" value=\"")
                    .append(escape(first(values, field.name()))).append("\" autocomplete=\"off\"").append(describedBy).append(">");
            case DATE, PAST_DATE -> date(html, id, field, values, errorClass);
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

    /** One choice of a select, radios or checkboxes. */
    public record Option(String value, String text) {
    }

    /** GOV.UK: a field's width hints at the length of the answer. */
    private static String width(FieldSpec field) {
        return switch (field.kind()) {
            case POSTCODE -> "input--postcode";
            case PHONE, INTEGER, DECIMAL -> "input--phone";
            default -> "";
        };
    }

    private static String optional(FieldSpec field) {
        return field.required() ? "" : " (optional)";
    }

    /** The field's hint; a list of text is typed in one box, its items separated by commas. */
    private static String hint(FieldSpec field) {
        if (field.kind() != FieldKind.TEXT_LIST) {
            return field.hint();
        }
        return (field.hint().isEmpty() ? "" : field.hint() + ". ") + "Separate each with a comma.";
    }

    private static String describedBy(String id, FieldSpec field, String error) {
        String ids = ((hint(field).isEmpty() ? "" : id + "-hint ") + (error == null ? "" : id + "-error")).strip();
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

    private static void date(StringBuilder html, String fieldId, FieldSpec field, Map<String, List<String>> values, String errorClass) {
        html.append("<div class=\"date\">");
        for (String[] part : new String[][] {{"day", "Day", "2"}, {"month", "Month", "2"}, {"year", "Year", "4"}}) {
            String name = field.name() + "." + part[0];
            String id = fieldId + "-" + part[0];
            html.append("<div><label for=\"").append(id).append("\">").append(part[1]).append("</label>")
                    .append("<input class=\"input--date").append(part[0].equals("year") ? " input--year" : "").append(errorClass)
                    .append("\" id=\"").append(id).append("\" name=\"").append(name)
                    .append("\" type=\"text\" inputmode=\"numeric\" maxlength=\"").append(part[2]).append("\" value=\"")
                    .append(escape(first(values, name))).append("\"")
                    .append(field.kind() == FieldKind.PAST_DATE && field.name().equals("person.dateOfBirth") ? "" : " autocomplete=\"off\"")
                    .append("></div>");
        }
        html.append("</div>");
    }

    /** Radios of the given options (a field's own choices, or others such as the advocates a case can go to). */
    public void radios(StringBuilder html, FieldSpec field, List<Option> options, Map<String, List<String>> values) {
        choices(html, field, options, values, "radio");
    }

    private void checkboxes(StringBuilder html, FieldSpec field, List<Option> options, Map<String, List<String>> values) {
        choices(html, field, options, values, "checkbox");
    }

    private void choices(StringBuilder html, FieldSpec field, List<Option> options, Map<String, List<String>> values,
                                String type) {
        List<String> chosen = values.getOrDefault(field.name(), List.of());
        for (Option option : options) {
            String id = id(field) + "-" + option.value();
            html.append("<div class=\"choice\"><input id=\"").append(escape(id)).append("\" name=\"").append(field.name())
                    .append("\" type=\"").append(type).append("\" value=\"").append(escape(option.value())).append("\"")
                    .append(chosen.contains(option.value()) ? " checked" : "").append("><label for=\"").append(escape(id))
                    .append("\">").append(escape(option.text())).append("</label></div>");
        }
    }

    private void select(StringBuilder html, FieldSpec field, List<Option> options, Map<String, List<String>> values,
                               String errorClass, String describedBy) {
        String current = first(values, field.name());
        html.append("<select class=\"").append(errorClass.strip()).append("\" id=\"").append(id(field)).append("\" name=\"")
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
    /** A list's items as typed in its one box: "Gujarati, Polish". */
    private static String joined(Map<String, List<String>> values, String name) {
        return String.join(", ", values.getOrDefault(name, List.of()).stream().map(v -> TextPolicy.displayable(v, false)).toList());
    }

    private static String first(Map<String, List<String>> values, String name) {
        return TextPolicy.displayable(rawFirst(values, name), false);
    }

    private static String rawFirst(Map<String, List<String>> values, String name) {
        List<String> all = values.get(name);
        return all == null || all.isEmpty() ? "" : all.get(0);
    }

    // ------------------------------------------------------------------ posted values back to fields

    /**
     * A posted form's values as the fields the shared validation reads, for the given specs: each
     * date's day, month and year boxes become one ISO date, and each date and time typed in a
     * {@code datetime-local} box (London wall time) becomes an instant with its offset. Other
     * values pass as posted.
     *
     * <p>Interpretation (requirements §2, times are UK times): a wall time the autumn clock change
     * repeats (01:00-02:00 on the last Sunday of October) is the earlier of the two, BST; one the
     * spring change skips is moved forward by the gap, as {@link java.time.ZonedDateTime#of} does.
     */
    public static Map<String, List<String>> posted(Map<String, List<String>> values, Collection<FieldSpec> specs) {
        Map<String, List<String>> fields = new LinkedHashMap<>(values);
        for (FieldSpec spec : specs) {
            if (spec.kind().isDate()) {
                // Browsers send every date box, filled or not.
                String day = single(fields.remove(spec.name() + ".day"));
                String month = single(fields.remove(spec.name() + ".month"));
                String year = single(fields.remove(spec.name() + ".year"));
                if (!(day + month + year).isBlank()) {
                    fields.put(spec.name(), List.of(isoDate(day, month, year)));
                }
            } else if (spec.kind() == FieldKind.TEXT_LIST && fields.containsKey(spec.name())) {
                // One box of items separated by commas (a language or a sign-in email has none of its own).
                fields.put(spec.name(), fields.get(spec.name()).stream().flatMap(typed -> java.util.Arrays.stream(typed.split(",")))
                        .map(String::strip).filter(item -> !item.isEmpty()).toList());
            } else if (spec.kind() == FieldKind.DATE_TIME && fields.containsKey(spec.name())) {
                String typed = single(fields.get(spec.name()));
                if (typed.isEmpty()) {
                    fields.remove(spec.name());
                } else {
                    fields.put(spec.name(), List.of(londonDateTime(typed)));
                }
            }
        }
        return fields;
    }

    /**
     * The value a {@code datetime-local} box shows for an instant: London wall time to the second
     * (the box has {@code step="1"}), so that "now" offered on a form is never before an event of
     * the same minute, such as a case received moments ago.
     */
    public static String localDateTime(java.time.Instant instant) {
        return instant.atZone(UK).toLocalDateTime().withNano(0).format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    /** {@code 2026-11-27T14:30} as London time with its offset, or the text as typed (the field rules then name the field). */
    private static String londonDateTime(String typed) {
        try {
            return LocalDateTime.parse(typed).atZone(UK).withEarlierOffsetAtOverlap().toOffsetDateTime().toString();
        } catch (DateTimeParseException notADateTime) {
            return typed;
        }
    }

    private static String single(List<String> values) {
        return values == null || values.isEmpty() ? "" : values.get(0).strip();
    }

    /** A real date as ISO text, or the boxes as typed (which the field rules then refuse as not a real date). */
    private static String isoDate(String day, String month, String year) {
        try {
            if (year.length() == 4) {
                return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)).toString();
            }
        } catch (NumberFormatException | DateTimeException notADate) {
            // fall through
        }
        return year + "-" + month + "-" + day;
    }
}
