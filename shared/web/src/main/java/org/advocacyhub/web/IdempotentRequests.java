package org.advocacyhub.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.advocacyhub.application.port.RequestLedger;
import org.advocacyhub.domain.casework.Digests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff writes made safe to repeat, written once for every function (issue 19): a request sent again with the same
 * idempotency key by the same person (a client's retry after a timeout, a double click on a console form) gets the
 * first answer again, exactly (status, headers, body, and {@value IdempotencyKey#REPLAYED}), and is never done twice.
 * The JSON API's routes come here from {@link RouteTable} with the {@value IdempotencyKey#HEADER} header; the console's
 * forms from {@link org.advocacyhub.web.console.Console#post} with their one-time form id.
 *
 * <ul>
 * <li>The key is the person's own: its request id is a digest of who sent it (the token's subject) and the key, so two
 * people's keys never meet, and neither the key's text nor who sent it is kept in the clear.</li>
 * <li>The same key with another request (another method, address, query or body) is refused: nothing is done.</li>
 * <li>A request still running under the key: the repeat is refused at once with {@code Retry-After} (the end of the
 * running one's lease), not held waiting for it: a function that waits is billed for it, and a client that retries
 * after the lease gets the kept answer.</li>
 * <li>Only an answer that changed something is kept (2xx, 3xx). A refusal (4xx) wrote nothing, so the key is free again
 * for the corrected request, as at intake (its key is recorded only with the referral it made); a failure (5xx)
 * likewise, so a retry runs.</li>
 * <li>A function that stops after its change but before its answer is kept leaves its claim to run out; the retry then
 * runs again, and finds its own mark on what it changed ({@code StaffActor#request}), so it applies nothing twice.</li>
 * </ul>
 */
@Singleton
public final class IdempotentRequests {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotentRequests.class);

    /**
     * How long a running request holds its key: longer than any function's timeout (template.yaml {@code Globals}
     * {@code Timeout: 20}; the report function's 60 s timeout is its queue's, not its routes', which API Gateway ends
     * after 29 s), so a claim runs out only when its function has stopped.
     */
    public static final Duration LEASE = Duration.ofSeconds(30);

    private final RequestLedger ledger;
    private final Clock clock;

    public IdempotentRequests(RequestLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** What to answer when a key cannot be used now, as its caller answers (problem details for the API, a page for the console). */
    public interface Refusals {

        /** The first request under the key is still running; try again after {@code retryAfterSeconds}. */
        APIGatewayProxyResponseEvent inProgress(long retryAfterSeconds);

        /** The key was used for another request. */
        APIGatewayProxyResponseEvent otherRequest();

        /** The request was done, but its answer was too large to keep. */
        APIGatewayProxyResponseEvent doneNotKept();
    }

    /**
     * {@code handler} run once for the request {@code who} sent with {@code key}, given the request's id; or the answer
     * it gave before; or the refusal that says why not.
     *
     * @param who the signed-in person, as the sign-in names them (the token's subject)
     */
    public APIGatewayProxyResponseEvent run(HttpRequest request, String who, String key, Refusals refusals,
                                            Function<HttpRequest, APIGatewayProxyResponseEvent> handler) {
        String requestId = requestId(who, key);
        String fingerprint = request.fingerprint();
        Instant now = clock.instant();
        RequestLedger.Claim claim = ledger.claim(requestId, fingerprint, now, now.plus(LEASE));
        if (claim instanceof RequestLedger.Used used) {
            if (!used.fingerprint().equals(fingerprint)) {
                return refusals.otherRequest();
            }
            if (used.inProgress()) {
                return refusals.inProgress(Math.max(1, Duration.between(now, used.leaseUntil()).toSeconds() + 1));
            }
            return used.answer().map(IdempotentRequests::replay).orElseGet(refusals::doneNotKept);
        }
        String token = ((RequestLedger.Claimed) claim).token();
        APIGatewayProxyResponseEvent response;
        try {
            response = handler.apply(request.withRequestId(requestId));
        } catch (RuntimeException failed) {
            ledger.release(requestId, token);
            throw failed;
        }
        if (response.getStatusCode() >= 400) {
            ledger.release(requestId, token);
            return response;
        }
        try {
            ledger.answer(requestId, token, kept(response), clock.instant());
        } catch (RuntimeException notKept) {
            // The change is made: answer it. A repeat after the lease runs again and finds the change's mark.
            LOG.warn("Answer of a keyed request not kept ({})", notKept.getClass().getName());
        }
        return response;
    }

    /** The id a person's key gives their request: a digest, so the ledger keeps neither. */
    static String requestId(String who, String key) {
        return Digests.sha256Hex(who + "\n" + key);
    }

    private static RequestLedger.Answer kept(APIGatewayProxyResponseEvent response) {
        return new RequestLedger.Answer(response.getStatusCode(), response.getHeaders() == null ? Map.of() : response.getHeaders(),
                response.getBody(), Boolean.TRUE.equals(response.getIsBase64Encoded()));
    }

    private static APIGatewayProxyResponseEvent replay(RequestLedger.Answer answer) {
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.put(IdempotencyKey.REPLAYED, "true");
        return new APIGatewayProxyResponseEvent().withStatusCode(answer.status()).withHeaders(headers).withBody(answer.body())
                .withIsBase64Encoded(answer.base64());
    }
}
