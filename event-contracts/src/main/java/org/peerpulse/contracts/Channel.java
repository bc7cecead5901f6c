package org.peerpulse.contracts;

/** How the session took place. */
public enum Channel { IN_PERSON, PHONE, VIDEO, TEXT, GROUP }
