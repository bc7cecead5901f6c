package org.peerpulse.feedback.domain;

/** No harm report of the caller's agency opened the alert asked for (another agency's answers the same). */
public class UnknownHarmReportException extends RuntimeException {

    public UnknownHarmReportException() {
        super("unknown harm report");
    }
}
