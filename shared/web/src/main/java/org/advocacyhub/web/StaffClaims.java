package org.advocacyhub.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.application.port.StaffMember;

/**
 * Reads the member of staff from the claims API Gateway's Cognito authorizer passed on (the
 * token's signature, expiry and issuer are checked before the request reaches us). Roles are the
 * user's Cognito groups, {@code manager} and {@code advocate}.
 */
public final class StaffClaims {

    private StaffClaims() {
    }

    public static Optional<StaffMember> from(Map<String, Object> claims) {
        Object subject = claims.get("sub");
        if (subject == null || subject.toString().isBlank()) {
            return Optional.empty();
        }
        Set<StaffMember.Role> roles = EnumSet.noneOf(StaffMember.Role.class);
        for (String group : groups(claims.get("cognito:groups"))) {
            switch (group.toLowerCase(Locale.ROOT)) {
                case "manager" -> roles.add(StaffMember.Role.MANAGER);
                case "advocate" -> roles.add(StaffMember.Role.ADVOCATE);
                default -> {
                    // Other groups grant nothing here.
                }
            }
        }
        Object email = claims.get("email");
        return Optional.of(new StaffMember(subject.toString(), roles, email == null || email.toString().isBlank() ? null : email.toString()));
    }

    /**
     * REST API authorizers flatten claims to strings: one group is {@code manager}, several arrive
     * as {@code [manager, advocate]} or comma-separated. A JSON list is accepted as well.
     */
    private static List<String> groups(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        String text = value.toString().replace("[", "").replace("]", "");
        return List.of(text.split("[,\\s]+")).stream().filter(s -> !s.isBlank()).toList();
    }
}
