package org.advocacyhub.application.port;

/**
 * The deployment's retention key (issue 22): the secret the anonymised person's pseudonym is keyed with
 * ({@link org.advocacyhub.domain.retention.Anonymiser}), so that the cases of one person anonymised on different days still
 * count as one person, and no one without the key can test a guessed name against a pseudonym.
 */
public interface RetentionKey {

    /** The key: made once, on first use, and the same ever after (every caller, every function, every restart). */
    byte[] key();
}
