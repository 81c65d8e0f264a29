package org.advocacyhub.domain.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.advocacyhub.domain.casework.Digests;

/**
 * A secret link to one council's restricted list of a quarterly report (issue 23; LLR 26.9, 27.6; LEW 17.5): the caseload
 * list with personal data (LEW 17.5) and the reasons given for requests of 20 or more hours (LLR 26.17) are never attached
 * to an email. The council's report email carries a link instead; whoever holds it may download that council's list, and
 * nothing else, until it expires.
 *
 * <p>The link's token is the credential: 256 random bits, URL-safe base64 without padding (43 characters). Only its
 * SHA-256 is ever stored ({@link #tokenHash}), so a copy of the table gives no working link; a link is found by that hash
 * and the hashes are compared again in constant time ({@link #matches}).
 *
 * <p>Interpretation (the issue leaves the choice to us: "a download that needs the council's sign-in or expires"): an
 * expiring link rather than the council's sign-in, because councils have no accounts in the hub, and LLR 27.6's secure
 * portal is the council's to share with the provider, not the hub's to offer. It expires {@link #LIFETIME 14 days} after
 * it was issued: long enough for a council officer to open a return that arrives just before a fortnight's leave or
 * while a return is queried (LLR 26.12 gives the provider 21 days to report; a council's check of it runs over a similar
 * span), short enough that a forwarded or leaked email stops opening the list within the same reporting cycle. A manager
 * can email a fresh link at any time; an expired link says only to ask for one.
 *
 * @param tokenHash  the SHA-256 of the token, lower-case hex (64 characters)
 * @param reportId   the report whose restricted list it opens
 * @param authority  the workbook's council code (the contract's code for a contract-wide workbook, as the workbook's)
 * @param archiveKey where that council's restricted workbook is kept
 * @param issuedAt   when it was made (just before its email was sent)
 * @param expiresAt  {@code issuedAt} plus {@link #LIFETIME}: from then on it opens nothing
 */
public record RestrictedLink(String tokenHash, String reportId, String authority, String archiveKey, Instant issuedAt,
                             Instant expiresAt) {

    /** How long a link opens its list: 14 days (see the class's interpretation). */
    public static final Duration LIFETIME = Duration.ofDays(14);

    /** 256 bits. */
    static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    public RestrictedLink {
        Objects.requireNonNull(tokenHash, "tokenHash");
        if (!HASH.matcher(tokenHash).matches()) {
            throw new IllegalArgumentException("a link is kept by its token's SHA-256 in hex, never by its token");
        }
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(archiveKey, "archiveKey");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A new token: 256 bits of {@code random} (a {@code SecureRandom} in use), URL-safe base64 without padding. */
    public static String newToken(Random random) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The link issued at {@code now} for {@code token}: its hash and what it opens, expiring {@link #LIFETIME} later. */
    public static RestrictedLink issue(String token, String reportId, String authority, String archiveKey, Instant now) {
        return new RestrictedLink(hashOf(token).orElseThrow(() -> new IllegalArgumentException("not a link's token")), reportId,
                authority, archiveKey, now, now.plus(LIFETIME));
    }

    /**
     * The hash a presented token is looked up by, or empty when it cannot be a token at all (the wrong length or
     * characters): such a request is answered as an unknown link, without reading the table.
     */
    public static Optional<String> hashOf(String presented) {
        if (presented == null || !TOKEN.matcher(presented).matches()) {
            return Optional.empty();
        }
        return Optional.of(Digests.sha256Hex(presented));
    }

    /** Whether the link still opens its list at {@code now}: before {@link #expiresAt}, not at it. */
    public boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** Whether {@code presentedHash} is this link's hash, compared in constant time (no timing tells how much matched). */
    public boolean matches(String presentedHash) {
        return presentedHash != null && MessageDigest.isEqual(tokenHash.getBytes(StandardCharsets.US_ASCII),
                presentedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
