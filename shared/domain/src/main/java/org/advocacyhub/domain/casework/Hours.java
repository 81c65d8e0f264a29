package org.advocacyhub.domain.casework;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The advocacy time on a case: running totals of its entries (LLR 26.17, LEW 17.5) and what was
 * agreed about going past the contract's thresholds.
 *
 * @param directMinutes   face to face, calls, meetings
 * @param indirectMinutes admin, travel, research, writing
 * @param approvals       the Service Manager's approvals of more hours (LEW 7.3, 8.11), newest last
 * @param requests        requests to go past the reporting threshold, with reasons (LLR 26.17), newest last
 * @param reviewRaised    whether the review at the review threshold was raised (LEW 8.9: once per case)
 */
public record Hours(int directMinutes, int indirectMinutes, List<Approval> approvals, List<Request> requests, boolean reviewRaised) {

    public static final Hours NONE = new Hours(0, 0, List.of(), List.of(), false);

    public Hours {
        if (directMinutes < 0 || indirectMinutes < 0) {
            throw new IllegalArgumentException("minutes cannot be negative");
        }
        approvals = List.copyOf(approvals);
        requests = List.copyOf(requests);
    }

    public int totalMinutes() {
        return directMinutes + indirectMinutes;
    }

    /**
     * A Service Manager's approval of a new hour limit (LEW 7.3, 8.11), recorded by a manager.
     *
     * @param approvedBy   who approved, as the Service Manager's role or name given by staff
     * @param limitHours   the new limit
     * @param reason       why more hours are needed
     * @param recordedBy   the staff id who recorded it
     */
    public record Approval(String approvedBy, BigDecimal limitHours, String reason, Instant at, String recordedBy) {
        public Approval {
            Objects.requireNonNull(approvedBy, "approvedBy");
            Objects.requireNonNull(limitHours, "limitHours");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(recordedBy, "recordedBy");
        }
    }

    /**
     * A request to work past the reporting threshold (LLR 26.17: "requests to exceed 20 hours"),
     * with its reasons and the hours asked for.
     */
    public record Request(BigDecimal hours, String reasons, Instant at, String by) {
        public Request {
            Objects.requireNonNull(hours, "hours");
            Objects.requireNonNull(reasons, "reasons");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(by, "by");
        }
    }

    public Hours withMinutes(int direct, int indirect) {
        return new Hours(direct, indirect, approvals, requests, reviewRaised);
    }

    public Hours withApproval(Approval approval) {
        List<Approval> more = new java.util.ArrayList<>(approvals);
        more.add(approval);
        return new Hours(directMinutes, indirectMinutes, more, requests, reviewRaised);
    }

    public Hours withRequest(Request request) {
        List<Request> more = new java.util.ArrayList<>(requests);
        more.add(request);
        return new Hours(directMinutes, indirectMinutes, approvals, more, reviewRaised);
    }

    public Hours withReviewRaised() {
        return new Hours(directMinutes, indirectMinutes, approvals, requests, true);
    }
}
