package org.advocacyhub.application.port;

import java.time.Instant;
import java.util.Optional;
import org.advocacyhub.domain.reports.RestrictedLink;

/**
 * The links to the councils' restricted lists (issue 23; LLR 26.9, 27.6; LEW 17.5), each kept by its token's SHA-256 only
 * ({@link RestrictedLink}), and the once-only send of the email that carries each.
 *
 * <p>A link is stored in the same write as the claim on the email that carries it (the report's send claim,
 * {@link ReportStore#claimSend}): a link exists only for an email claimed by the one sender that holds its token, and a
 * redelivery of the queue message finds the email claimed and issues no second link. A token cannot be read back from
 * its hash, so the same link cannot be "reused" by a second sender; none is ever needed.
 */
public interface RestrictedLinks {

    /**
     * Claims the sending of one email of report {@code reportId} (the claim {@link ReportStore#claimSend} makes, under
     * {@code sendKey}: a workbook's council, or a fresh link's own key) and stores {@code link}, which that email carries,
     * in one write: both or neither.
     *
     * @return false, nothing written, when the email was claimed before (by this sender before it stopped, or another)
     */
    boolean claimSendWithLink(String reportId, String sendKey, Instant now, RestrictedLink link);

    /**
     * Lets go of the claim after the mail service refused the email for now (nothing went, so nobody holds the token),
     * and removes the link it would have carried, in one write; the retry claims it again with a new link.
     */
    void releaseSendWithLink(String reportId, String sendKey, String tokenHash);

    /** The link kept under {@code tokenHash}, expired or not (the table's TTL deletes it some time after it expires). */
    Optional<RestrictedLink> byHash(String tokenHash);
}
