package org.peerpulse.indicators.alerts.domain;

import java.util.Locale;

/**
 * Where an alert stands: opened, seen by a quality lead, or dealt with. An alert only moves forward:
 * open to acknowledged or straight to resolved, acknowledged to resolved; a resolved alert is final.
 */
public enum AlertState {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED;

    public boolean canMoveTo(AlertState next) {
        return switch (this) {
            case OPEN -> next == ACKNOWLEDGED || next == RESOLVED;
            case ACKNOWLEDGED -> next == RESOLVED;
            case RESOLVED -> false;
        };
    }

    /** Still asks for attention: another alert of the same kind and scope would only repeat it. */
    public boolean isActive() {
        return this != RESOLVED;
    }

    /** {@code open}, {@code acknowledged} or {@code resolved}, as the API writes it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state named by {@code label} in any case, or an {@link InvalidAlertRequest} naming {@code parameter}. */
    public static AlertState parse(String label, String parameter) {
        for (AlertState state : values()) {
            if (state.name().equalsIgnoreCase(label)) {
                return state;
            }
        }
        throw new InvalidAlertRequest(parameter, "must be open, acknowledged or resolved");
    }
}
