package org.peerpulse.contracts;

/** What the session was about; {@link #RECOVERY_GOALS} and {@link #WELLNESS} count as recovery focus. */
public enum FocusArea {
    RECOVERY_GOALS, WELLNESS, HOUSING, EMPLOYMENT, EDUCATION, RELATIONSHIPS, PHYSICAL_HEALTH, SUBSTANCE_USE,
    CRISIS, BENEFITS, OTHER;

    public boolean isRecoveryFocus() {
        return this == RECOVERY_GOALS || this == WELLNESS;
    }
}
