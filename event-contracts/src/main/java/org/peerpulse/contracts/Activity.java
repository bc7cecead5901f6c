package org.peerpulse.contracts;

/** What the specialist did; {@link #NON_PEER_TASK} is logged but is not peer work. */
public enum Activity {
    PEER_SUPPORT, GROUP_FACILITATION, ADVOCACY, RESOURCE_NAVIGATION, NON_PEER_TASK;

    public boolean isPeerWork() {
        return this != NON_PEER_TASK;
    }
}
