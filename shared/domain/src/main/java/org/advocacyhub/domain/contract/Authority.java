package org.advocacyhub.domain.contract;

import java.util.List;
import java.util.Objects;

/**
 * A council a contract serves. Every reported figure is broken down by authority (LLR 7.38, 15.1).
 *
 * @param code             stable code, e.g. {@code LEICESTERSHIRE}
 * @param name             e.g. "Leicestershire County Council"
 * @param lead             whether it is the contract's lead authority (LLR 23.1)
 * @param reportRecipients who receives its quarterly report
 */
public record Authority(String code, String name, boolean lead, List<String> reportRecipients) {

    public Authority {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        reportRecipients = List.copyOf(reportRecipients);
    }
}
