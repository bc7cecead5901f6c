/**
 * Exporting an agency's indicators for a period.
 */
package org.peerpulse.indicators.export.application;
