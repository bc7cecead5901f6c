package org.peerpulse.indicators.learning.web;

/** The caller has no learning view of their own: not a specialist, or a token that names no specialist id. */
class NoLearningView extends RuntimeException {

    NoLearningView(String reason) {
        super(reason);
    }
}
