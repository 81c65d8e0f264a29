package org.advocacyhub.domain.referral;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The common questions of every referral (requirements §3; LLR 26.17, 5.29, 9.27; LEW 17.5),
 * in the order the form asks them. Service-specific questions (requirements §4) are answered
 * under the {@code details.} prefix.
 */
public final class ReferralFields {

    /** Prefix of the service-specific answers (decision type, legal status, ...), requirements §4. */
    public static final String DETAILS_PREFIX = "details.";
    /** The most service-specific answers one referral may carry, and the longest of each. */
    public static final int MAX_DETAILS = 40;
    public static final int MAX_DETAIL_LENGTH = 500;

    private static final int NAME = 100;
    private static final int SHORT = 120;
    private static final int LONG = 4000;

    public static final FieldSpec SERVICE = choice("service", "Which service are you referring to?",
            "Choose the service that fits best. If the person needs another of our services, we will tell you.",
            ServiceCode.values(), "Select the service you are referring to", "Service");
    public static final FieldSpec ROUTE = choice("route", "How did the referral reach the hub?",
            "Staff keying in a telephone, email or letter referral choose how it arrived.",
            ReferralRoute.values(), "Select how the referral reached the hub", "Route");

    public static final FieldSpec PERSON_NAME = text("person.name", "Full name", "", true, NAME,
            "Enter the person's full name", "Full name");
    public static final FieldSpec PERSON_DOB = new FieldSpec("person.dateOfBirth", "Date of birth",
            "For example, 17 5 1941. If you do not know it exactly, give your best estimate and say so in the reason.",
            FieldKind.PAST_DATE, true, 10, List.of(), "Enter the person's date of birth", "Date of birth");
    public static final FieldSpec PERSON_GENDER = choice("person.gender", "Gender", "", Gender.values(),
            "Select the person's gender, or 'Not known'", "Gender");
    public static final FieldSpec PERSON_ETHNICITY = choice("person.ethnicity", "Ethnic group", "",
            Ethnicity.values(), "Select the person's ethnic group, or 'Not known'", "Ethnic group");
    public static final FieldSpec PERSON_DISABILITIES = new FieldSpec("person.disabilities",
            "Disability or impairment", "Select all that apply.", FieldKind.MULTI_CHOICE, false, 40,
            List.of(Disability.values()), "", "Disability");
    public static final FieldSpec PERSON_POSTCODE = new FieldSpec("person.postcode",
            "Postcode where the person is staying now",
            "Leave blank if the person has no fixed address.", FieldKind.POSTCODE, false, 8, List.of(), "", "Postcode");
    public static final FieldSpec PERSON_AUTHORITY = new FieldSpec("person.authority",
            "Council area where the person is staying now", "", FieldKind.AUTHORITY, true, 40, List.of(),
            "Select the council area where the person is staying", "Council area");
    public static final FieldSpec PERSON_RESIDENCE = choice("person.residence", "Where is the person staying now?",
            "", Residence.values(), "Select where the person is staying now", "Where the person is staying");
    public static final FieldSpec PERSON_PLACE = text("person.placeName", "Name of the hospital, care home or other place",
            "If the person is not at home, for example 'Bradgate Mental Health Unit, Ward 3'.", false, SHORT, "", "Name of the place");
    public static final FieldSpec PERSON_COMMUNICATION = textarea("person.communicationNeeds",
            "Communication needs", "For example, uses British Sign Language, needs easy read, hearing loss.",
            false, 1000, "", "Communication needs");
    public static final FieldSpec PERSON_LANGUAGE = text("person.language", "Main language", "For example, English, Gujarati, Polish.",
            false, 60, "", "Main language");
    public static final FieldSpec PERSON_INTERPRETER = new FieldSpec("person.interpreterNeeded",
            "Does the person need an interpreter?", "", FieldKind.YES_NO, true, 5, List.of(),
            "Select yes if the person needs an interpreter", "Interpreter needed");

    public static final FieldSpec REFERRER_RELATIONSHIP = choice("referrer.relationship", "Who are you?", "",
            ReferrerRelationship.values(), "Select who you are", "Who you are");
    public static final FieldSpec REFERRER_NAME = text("referrer.name", "Your full name", "", true, NAME,
            "Enter your full name", "Your full name");
    public static final FieldSpec REFERRER_ROLE = text("referrer.role", "Your job title or role",
            "For example, social worker, ward manager. Needed if you are a professional.", false, SHORT,
            "Enter your job title or role", "Job title or role");
    public static final FieldSpec REFERRER_ORGANISATION = text("referrer.organisation", "Your organisation",
            "Needed if you are a professional.", false, SHORT, "Enter your organisation", "Organisation");
    public static final FieldSpec REFERRER_EMAIL = new FieldSpec("referrer.email", "Email address",
            "We send the referral reference and our decision here. Give an email address or a phone number, or both.",
            FieldKind.EMAIL, false, 254, List.of(), "Enter an email address or a phone number", "Email address");
    public static final FieldSpec REFERRER_PHONE = new FieldSpec("referrer.phone", "Phone number",
            "For example, 0116 123 4567 or 07700 900 982.", FieldKind.PHONE, false, 20, List.of(),
            "Enter a phone number or an email address", "Phone number");
    public static final FieldSpec SOURCE = choice("source", "Where is the referral coming from?",
            "The team or organisation making the referral.", ReferralSource.values(),
            "Select where the referral is coming from", "Referral source");

    public static final FieldSpec URGENCY = choice("urgency", "How urgent is this referral?",
            "Urgent referrals are seen first.", Urgency.values(), "Select how urgent the referral is", "Urgency");
    public static final FieldSpec FIXED_DATE = new FieldSpec("fixedDate", "Is there a fixed date?",
            "For example, a conference, a treatment decision or the end of an authorisation. For example, 14 1 2027.",
            FieldKind.DATE, false, 10, List.of(), "", "Fixed date");
    public static final FieldSpec FIXED_DATE_REASON = text("fixedDateReason", "What happens on that date?", "",
            false, SHORT, "Say what happens on the fixed date", "What happens on the fixed date");
    public static final FieldSpec AWARENESS = choice("awareness", "Does the person know about this referral and agree to it?",
            "", Awareness.values(), "Select whether the person knows about the referral", "Awareness");
    public static final FieldSpec REASON = textarea("reason", "Why does the person need an advocate?",
            "Tell us about the decision or process the person is involved in and any dates we need to know.",
            true, LONG, "Enter why the person needs an advocate", "Reason for referral");

    public static final List<FieldGroup> GROUPS = List.of(
            new FieldGroup("service", "Service", "", List.of(SERVICE)),
            new FieldGroup("person", "About the person who needs an advocate", "",
                    List.of(PERSON_NAME, PERSON_DOB, PERSON_GENDER, PERSON_ETHNICITY, PERSON_DISABILITIES,
                            PERSON_RESIDENCE, PERSON_PLACE, PERSON_POSTCODE, PERSON_AUTHORITY,
                            PERSON_COMMUNICATION, PERSON_LANGUAGE, PERSON_INTERPRETER)),
            new FieldGroup("referrer", "About you", "If you are the person who needs an advocate, give your own details again here.",
                    List.of(REFERRER_RELATIONSHIP, REFERRER_NAME, REFERRER_ROLE, REFERRER_ORGANISATION,
                            REFERRER_EMAIL, REFERRER_PHONE, SOURCE)),
            new FieldGroup("referral", "About the referral", "",
                    List.of(URGENCY, FIXED_DATE, FIXED_DATE_REASON, AWARENESS, REASON)));

    /** Every common field, the route included (the form fixes it; JSON must give it). */
    public static final List<FieldSpec> ALL = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(ROUTE), GROUPS.stream().flatMap(g -> g.fields().stream()))
            .toList();

    private static final Map<String, FieldSpec> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(FieldSpec::name, Function.identity()));

    private ReferralFields() {
    }

    public static Optional<FieldSpec> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static FieldSpec text(String name, String label, String hint, boolean required, int max, String missing,
                                  String noun) {
        return new FieldSpec(name, label, hint, FieldKind.TEXT, required, max, List.of(), missing, noun);
    }

    private static FieldSpec textarea(String name, String label, String hint, boolean required, int max, String missing,
                                      String noun) {
        return new FieldSpec(name, label, hint, FieldKind.TEXTAREA, required, max, List.of(), missing, noun);
    }

    private static FieldSpec choice(String name, String label, String hint, Choice[] values, String missing, String noun) {
        return new FieldSpec(name, label, hint, FieldKind.CHOICE, true, 40, Arrays.asList(values), missing, noun);
    }
}
