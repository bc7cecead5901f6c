package org.peerpulse.feedback.domain;

/** How the form was filled in: on the participant's own phone, or on a shared tablet at the agency. */
public enum FormMode {
    OWN_DEVICE, KIOSK
}
