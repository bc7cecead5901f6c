package org.peerpulse.feedback.domain;

import java.util.List;

/**
 * What a quality lead may read of a program's comments: the texts, in alphabetical order (never in the
 * order they were given, which could be matched to sessions), and only when at least {@link #MINIMUM}
 * exist in the scope; below that a comment could point at one participant, so none are shown.
 */
public record ProgramComments(List<String> comments, boolean suppressed, int minimum) {

    public static final int MINIMUM = 8;

    public ProgramComments {
        comments = List.copyOf(comments);
    }

    public static ProgramComments of(List<String> texts) {
        if (texts.size() < MINIMUM) {
            return new ProgramComments(List.of(), true, MINIMUM);
        }
        return new ProgramComments(texts.stream().sorted().toList(), false, MINIMUM);
    }

    @Override
    public String toString() {
        return "ProgramComments[count=" + comments.size() + ", suppressed=" + suppressed + "]";
    }
}
