package org.peerpulse.localstack;

/** A child did not become ready; everything already started has been stopped. */
public class StackFailure extends RuntimeException {

    private final String child;

    StackFailure(String child, String message) {
        super(message);
        this.child = child;
    }

    /** The child that failed, or {@code null} when the stack could not start at all. */
    public String child() {
        return child;
    }
}
