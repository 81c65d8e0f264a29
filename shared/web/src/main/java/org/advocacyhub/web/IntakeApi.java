package org.advocacyhub.web;

import java.util.List;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ReferralFields;

/**
 * The public intake function's routes (template.yaml {@code ReferralIntakeFunction}), described
 * once: the intake function routes by these and the staff API's OpenAPI document lists them,
 * with the referral's own fields.
 */
public final class IntakeApi {

    /** Step 2 of the form: the service whose questions to ask (optional: without it, step 1 asks for the service). */
    private static final FieldSpec SERVICE_CHOSEN = new FieldSpec(ReferralFields.SERVICE.name(), ReferralFields.SERVICE.label(),
            "Shows that service's questions; without it, the first step asks which service", ReferralFields.SERVICE.kind(), false,
            ReferralFields.SERVICE.maxLength(), ReferralFields.SERVICE.choices(), ReferralFields.SERVICE.missingMessage(),
            ReferralFields.SERVICE.noun());

    public static final ApiOperation FORM = ApiOperation.described("GET", "/referrals/new", "The referral form (HTML; works "
            + "without JavaScript): the first step chooses the service, the second asks that service's questions",
            ApiOperation.ANYONE, List.of(SERVICE_CHOSEN), null);
    public static final ApiOperation SCHEMA = ApiOperation.described("GET", "/referrals/schema", "The JSON Schema (draft 2020-12) "
            + "of a JSON referral, generated from the same definitions as the form and the validator", ApiOperation.ANYONE, List.of(),
            null);
    public static final ApiOperation SUBMIT = ApiOperation.described("POST", "/referrals", "Refer someone. JSON (application/json, "
            + "an Idempotency-Key header makes a retry safe): 201 with the reference, status and time of receipt. The form "
            + "(application/x-www-form-urlencoded): 303 to its receipt page. 400 names every invalid field", ApiOperation.ANYONE,
            List.of(), ReferralFields.ALL);
    public static final ApiOperation RECEIPT = ApiOperation.described("GET", "/referrals/receipts/{receipt}", "The form's receipt "
            + "page (HTML), found by the form's one-time token, never by reference", ApiOperation.ANYONE, List.of(), null);

    private IntakeApi() {
    }

    public static List<ApiOperation> all() {
        return List.of(FORM, SCHEMA, SUBMIT, RECEIPT);
    }
}
