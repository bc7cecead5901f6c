/**
 * The rows of the funders' export, decided with the same disclosure as the dashboards and the export's own
 * k.
 */
package org.peerpulse.indicators.export.domain;
