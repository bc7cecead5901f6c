package org.peerpulse.indicators.domain;

/** A session of one agency: session ids are the producer's, so only the pair is unique. */
public record SessionRef(String agencyId, String sessionId) {

    public SessionRef {
        Cell.requireId(agencyId, "agencyId");
        Cell.requireId(sessionId, "sessionId");
    }

    /** {@code agency|session}, unique because a {@code |} or {@code %} inside an id is percent-encoded. */
    public String id() {
        return RollupKey.encode(agencyId) + '|' + RollupKey.encode(sessionId);
    }
}
