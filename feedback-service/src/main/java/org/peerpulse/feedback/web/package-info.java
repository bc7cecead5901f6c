/**
 * The HTTP edge: the participant's JSON API and the quality leads' comments endpoint, controllers that
 * translate a validated request into one use-case call and a small response record, one advice mapping
 * the domain's refusals to problem responses, and the per-address limit on token attempts. The token is
 * the participant's only credential, so those endpoints are public and never echo it, the comment or any
 * other submitted value. The participant's HTML form lives in {@code web.form}.
 */
package org.peerpulse.feedback.web;
