/**
 * The learning API and page for specialists: their own view, from their token's (or sign-in's) specialist
 * claim, never a path id; the page in English or Spanish, strengths first, withheld figures in words.
 */
package org.peerpulse.indicators.learning.web;
