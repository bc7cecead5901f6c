package org.peerpulse.platform.messaging;

/**
 * A record that can never be processed, however often it is retried: an unknown type, JSON that does not
 * parse or does not fit its contract. It goes to the dead-letter topic. The message never quotes the
 * payload.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message, Throwable cause) {
        // The cause is dropped on purpose: parser messages quote the payload.
        super(message + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")"));
    }
}
