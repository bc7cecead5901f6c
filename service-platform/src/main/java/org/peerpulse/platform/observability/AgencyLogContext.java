package org.peerpulse.platform.observability;

import org.slf4j.MDC;

/**
 * The agency whose request or event a thread is working on, as the {@value #MDC_KEY} field of every log line
 * it writes meanwhile. Set only from a verified source (a token that passed, or a record's key, which is
 * the agency id by contract) and always removed afterwards, since threads serve many agencies in turn.
 */
public final class AgencyLogContext {

    /** The MDC key, and so the JSON field of the log line. */
    public static final String MDC_KEY = "agency";

    private AgencyLogContext() {
    }

    static void enter(Object agency) {
        if (agency != null && !agency.toString().isBlank()) {
            MDC.put(MDC_KEY, agency.toString());
        }
    }

    static void leave() {
        MDC.remove(MDC_KEY);
    }
}
