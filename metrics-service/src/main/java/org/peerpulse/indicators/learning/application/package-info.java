/**
 * Reading a specialist's own released view, never anyone else's, never harm reports.
 */
package org.peerpulse.indicators.learning.application;
