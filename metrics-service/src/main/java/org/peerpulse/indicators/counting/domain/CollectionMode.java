package org.peerpulse.indicators.counting.domain;

/**
 * How a participant's form was collected: on their own phone, or on the agency's tablet handed over in the
 * room. Answers may read differently when the specialist is a few steps away, so the dashboards split the
 * item statistics by it (DESIGN §6).
 */
public enum CollectionMode {
    OWN_DEVICE,
    KIOSK;

    /** The mode a contract's {@code mode} names; {@code null} for none or one this version does not know. */
    public static CollectionMode named(String mode) {
        if (mode == null) {
            return null;
        }
        return switch (mode) {
            case "OWN_DEVICE" -> OWN_DEVICE;
            case "KIOSK" -> KIOSK;
            default -> null;
        };
    }
}
