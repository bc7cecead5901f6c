package org.peerpulse.session.domain;

/** Each agency's directory; one document per agency. */
public interface Directories {

    /** The agency's directory, or {@link Directory#empty} if it never changed anything. */
    Directory of(String agencyId);

    /**
     * Stores the changed directory with its snapshot to publish, in one write, only if the stored version is
     * still the one it was changed from.
     *
     * @return {@code false} when another change was stored in the meantime (nothing was changed)
     */
    boolean save(Directory.Changed changed);
}
