package org.peerpulse.contracts;

import java.util.List;

/**
 * What one logged session counts for in the indicators: {@link SessionVoided} carries it so that a
 * consumer takes back exactly what the session added without looking up what it counted before.
 *
 * @param strengthsAcknowledged whether the specialist noted at least one strength
 * @param invitations how many feedback invitations the session issued
 * @param valuesPracticed the value codes the specialist said they practiced in it
 */
public record SessionContribution(
        int durationMinutes,
        Activity activity,
        List<FocusArea> focusAreas,
        boolean strengthsAcknowledged,
        int invitations,
        List<String> valuesPracticed) {

    public SessionContribution {
        focusAreas = List.copyOf(focusAreas == null ? List.of() : focusAreas);
        // Carried since the reflection gap; a void written before carries none.
        valuesPracticed = List.copyOf(valuesPracticed == null ? List.of() : valuesPracticed);
    }
}
