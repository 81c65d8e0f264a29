package org.advocacyhub.messaging.email;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.advocacyhub.application.port.Mail;
import org.advocacyhub.application.port.MailSender;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * {@link MailSender} on Amazon SES (API v2), from the configured sender address: the one sending path of every email
 * the hub sends (issue 19).
 *
 * <p>SES has no idempotency key: every SendEmail that reaches it may be delivered. So the SES client makes exactly
 * one attempt per call ({@link #CLIENT}: no SDK retries, where the SDK's default would retry a read timeout and
 * deliver the same letter again), bounded in time well inside the functions' 20-second timeout, and each failure is
 * sorted by what it proves:
 * <ul>
 *   <li>SES answered with an error: nothing was sent. Throttling, quotas and SES's own 5xx may pass
 *       ({@link MailSender.Refused} retryable); a rejected message or address, or an account that may not send, will
 *       not (not retryable).</li>
 *   <li>No connection could be made (refused, no route, the name not found, the connect timed out): nothing reached
 *       SES, so it is refused for now and may be tried again.</li>
 *   <li>Anything else (a read timeout, the call's time limit, a connection cut mid-request): the request may have
 *       reached SES, so the outcome is {@link MailSender.NotKnown} and it is never tried again by the hub.</li>
 * </ul>
 */
public final class SesMailSender implements MailSender {

    /** One attempt per call; the attempt's and the call's time limits. The call ends well inside a function's 20 s. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    public static final ClientOverrideConfiguration CLIENT = ClientOverrideConfiguration.builder()
            .retryStrategy(AwsRetryStrategy.doNotRetry())
            .apiCallAttemptTimeout(CALL_TIMEOUT)
            .apiCallTimeout(CALL_TIMEOUT)
            .build();

    private final SesV2Client ses;
    private final String sender;
    /** The SES configuration set every send names (template.yaml {@code SES_CONFIGURATION_SET}), or null: none. */
    private final String configurationSet;

    /** @param ses a client configured with {@link #CLIENT} */
    public SesMailSender(SesV2Client ses, String sender) {
        this(ses, sender, null);
    }

    /**
     * @param configurationSet the configuration set whose event destination publishes bounces and complaints (issue 24);
     *                         blank or null for none
     */
    public SesMailSender(SesV2Client ses, String sender, String configurationSet) {
        this.ses = ses;
        this.sender = sender;
        this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet.strip();
    }

    public String configurationSet() {
        return configurationSet;
    }

    @Override
    public Delivery send(Mail mail) {
        return attempt(() -> ses.sendEmail(b -> b.fromEmailAddress(sender).configurationSetName(configurationSet)
                .destination(d -> d.toAddresses(mail.to()))
                .content(c -> c.simple(m -> m
                        .subject(s -> s.data(mail.subject()).charset("UTF-8"))
                        .body(body -> body
                                .text(t -> t.data(mail.text()).charset("UTF-8"))
                                .html(h -> h.data(mail.html()).charset("UTF-8")))))).messageId());
    }

    /** A raw MIME message (a report with its workbook attached), sent the same way. */
    public Delivery sendRaw(List<String> to, List<String> cc, byte[] raw) {
        return attempt(() -> ses.sendEmail(b -> b.fromEmailAddress(sender).configurationSetName(configurationSet)
                .destination(d -> d.toAddresses(to).ccAddresses(cc))
                .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(raw))))).messageId());
    }

    /** One attempt, its outcome sorted by what the failure proves. */
    static Delivery attempt(Supplier<String> sendEmail) {
        try {
            return new Sent(sendEmail.get());
        } catch (AwsServiceException e) {
            return refused(e);
        } catch (RuntimeException e) {
            return nothingSent(e) ? new Refused("mail service unreachable: " + rootName(e), true) : new NotKnown(rootName(e));
        }
    }

    /** SES answered: nothing was sent. Only throttling, quotas and SES's own failures may pass. */
    private static Refused refused(AwsServiceException e) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "HTTP " + e.statusCode()
                : e.awsErrorDetails().errorCode();
        String lower = code.toLowerCase(Locale.ROOT);
        boolean passes = e.statusCode() == 429 || e.statusCode() >= 500 || lower.contains("throttl") || lower.contains("toomanyrequests")
                || lower.contains("limitexceeded");
        return new Refused(code, passes);
    }

    /**
     * Whether the failure proves that nothing reached SES: the connection was never made. A connect timeout is told
     * from a read timeout by the JDK's message, the one place it says which.
     */
    static boolean nothingSent(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException || cause instanceof UnknownHostException) {
                return true;
            }
            if (cause instanceof SocketTimeoutException && cause.getMessage() != null
                    && cause.getMessage().toLowerCase(Locale.ROOT).contains("connect")) {
                return true;
            }
            if (cause instanceof InterruptedIOException && !(cause instanceof SocketTimeoutException)) {
                return false;
            }
        }
        return false;
    }

    private static String rootName(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
