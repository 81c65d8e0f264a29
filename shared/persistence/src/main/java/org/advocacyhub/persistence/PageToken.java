package org.advocacyhub.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where a paged list stopped: which of its partitions, and DynamoDB's last evaluated key there.
 * Encoded as base64url text so clients pass it back unread. The keys are ours (references, times,
 * ids): no personal data.
 */
record PageToken(int partition, Map<String, AttributeValue> lastKey) {

    static PageToken decode(String token) {
        if (token == null || token.isBlank()) {
            return new PageToken(0, null);
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] lines = text.split("\n");
            int partition = Integer.parseInt(lines[0]);
            if (partition < 0 || partition > 1000) {
                throw new IllegalArgumentException("page token out of range");
            }
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int tab = lines[i].indexOf('\t');
                if (tab <= 0) {
                    throw new IllegalArgumentException("malformed page token");
                }
                key.put(lines[i].substring(0, tab), AttributeValue.fromS(lines[i].substring(tab + 1)));
            }
            return new PageToken(partition, key.isEmpty() ? null : key);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a page token of this list", e);
        }
    }

    String encode() {
        StringBuilder text = new StringBuilder().append(partition);
        if (lastKey != null) {
            lastKey.forEach((name, value) -> text.append('\n').append(name).append('\t').append(value.s()));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
