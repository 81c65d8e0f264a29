package org.advocacyhub.web;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made at its first use and kept: for what a handler can answer but most cold starts never ask for (the OpenAPI
 * document, the referral JSON schema), so that they do not pay for it (issue 12).
 */
public final class Memo<T> implements Supplier<T> {

    private final Supplier<? extends T> make;
    private T value;

    private Memo(Supplier<? extends T> make) {
        this.make = Objects.requireNonNull(make, "make");
    }

    public static <T> Memo<T> of(Supplier<? extends T> make) {
        return new Memo<>(make);
    }

    /** The value, made by the first caller (others wait for it); made again only if making it failed. */
    @Override
    public synchronized T get() {
        if (value == null) {
            value = Objects.requireNonNull(make.get(), "made nothing");
        }
        return value;
    }
}
