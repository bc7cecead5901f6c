package org.peerpulse.feedback.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProgramCommentsTest {

    @Test
    void fewerThanEightCommentsAreSuppressed() {
        ProgramComments seven = ProgramComments.of(texts(7));

        assertThat(seven.comments()).isEmpty();
        assertThat(seven.suppressed()).isTrue();
        assertThat(seven.minimum()).isEqualTo(8);
    }

    @Test
    void eightOrMoreAreShownInAlphabeticalNotSubmissionOrder() {
        ProgramComments shown = ProgramComments.of(List.of("h", "b", "g", "a", "f", "c", "e", "d"));

        assertThat(shown.suppressed()).isFalse();
        assertThat(shown.comments()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h");
        assertThat(shown.toString()).doesNotContain("a,");
    }

    private static List<String> texts(int count) {
        return IntStream.range(0, count).mapToObj(i -> "comment " + i).toList();
    }
}
