package org.advocacyhub.application.port;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The staff console's sessions, kept server-side (issue 20): a browser's session cookie only names one, so signing out,
 * a deactivation or a role change ends it for good, where a self-contained ID token in the cookie stayed good for its
 * whole eight hours. Each is kept under the digest of the cookie's value (the value itself is never stored), until it
 * expires (the table's TTL removes it after).
 */
public interface ConsoleSessions {

    /**
     * One session.
     *
     * @param subject   the signed-in identity (Cognito {@code sub})
     * @param email     its email claim, or {@code null}
     * @param groups    its Cognito groups as the ID token gave them ({@code manager}), or {@code null}
     * @param role      the directory's role of the member of staff when the session was first used ({@code MANAGER},
     *                  {@code ADVOCATE}), or {@code null} until then: a different role later ends the session
     * @param expiresAt when the session ends at the latest: when its ID token would have
     */
    record Stored(String subject, String email, String groups, String role, Instant expiresAt) {
        public Stored {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        public Stored withRole(String newRole) {
            return new Stored(subject, email, groups, newRole, expiresAt);
        }
    }

    /** Keeps a new session under {@code key} (the digest of its cookie's value). */
    void open(String key, Stored session);

    /** The session kept under {@code key}, if it has not been ended (it may have expired: the caller checks). */
    Optional<Stored> find(String key);

    /** Records the role the session's member of staff has, if the session is still there. */
    void bind(String key, String role);

    /** Ends the session kept under {@code key}; ending one already ended does nothing. */
    void close(String key);

    /** Sessions in a map, for tests and tools that run the console without a table. */
    static ConsoleSessions inMemory() {
        Map<String, Stored> sessions = new ConcurrentHashMap<>();
        return new ConsoleSessions() {
            @Override
            public void open(String key, Stored session) {
                sessions.put(key, session);
            }

            @Override
            public Optional<Stored> find(String key) {
                return Optional.ofNullable(sessions.get(key));
            }

            @Override
            public void bind(String key, String role) {
                sessions.computeIfPresent(key, (k, s) -> s.withRole(role));
            }

            @Override
            public void close(String key) {
                sessions.remove(key);
            }
        };
    }
}
