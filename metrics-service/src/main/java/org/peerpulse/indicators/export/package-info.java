/**
 * The funders' CSV export, with the export's own k and 42 CFR Part 2 programs left out.
 */
package org.peerpulse.indicators.export;
