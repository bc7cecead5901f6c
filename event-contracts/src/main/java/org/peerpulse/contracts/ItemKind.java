package org.peerpulse.contracts;

/** What a framework item measures, and so how it is counted. */
public enum ItemKind {
    /** A peer support core value, rated 1–5; part of the values index. */
    VALUE,
    /** A TRUST principle, rated 1–5; part of the TRUST index. */
    PRINCIPLE,
    /** "I leave this session more hopeful", rated 1–5. */
    HOPE,
    /** The do-no-harm question: yes or no, never averaged; a yes is a harm report. */
    HARM
}
