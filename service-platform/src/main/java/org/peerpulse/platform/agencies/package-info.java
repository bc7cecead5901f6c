/**
 * Every agency's directory and settings as the other services read them: the latest
 * {@code AgencySettingsChanged} of each agency on the compacted agencies topic, read from the beginning by
 * every instance and kept in memory, so a quality lead's change takes effect without a restart
 * (decision 0013). session-service owns the directory and does not follow it.
 */
package org.peerpulse.platform.agencies;
