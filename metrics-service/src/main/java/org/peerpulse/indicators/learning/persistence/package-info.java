/**
 * Learning releases in MongoDB: the first release of a week wins and never changes.
 */
package org.peerpulse.indicators.learning.persistence;
