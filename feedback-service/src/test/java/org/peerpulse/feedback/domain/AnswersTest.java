package org.peerpulse.feedback.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Frameworks;

class AnswersTest {

    private static final HarmAnswer NO_HARM = new HarmAnswer(false, null);

    @Test
    void acceptsRatingsOfValueAndPrincipleItemsAndDefaultsLanguageAndMode() {
        Answers answers = Answers.forFramework(Frameworks.PEER_CORE_V1, Map.of("EMPATHY", 1, "STRENGTH_BASED", 5),
                null, new HarmAnswer(true, "  "), " ", null, null);

        assertThat(answers.ratings()).containsExactly(Map.entry("EMPATHY", 1), Map.entry("STRENGTH_BASED", 5));
        assertThat(answers.hope()).isNull();
        assertThat(answers.harmReported()).isTrue();
        assertThat(answers.harmText()).isEmpty();
        assertThat(answers.comment()).isEmpty();
        assertThat(answers.language()).isEqualTo("en");
        assertThat(answers.mode()).isEqualTo(FormMode.OWN_DEVICE);
    }

    @Test
    void noRatingsAtAllIsAllowed() {
        assertThat(Answers.forFramework(Frameworks.PEER_CORE_V1, null, 3, NO_HARM, null, "es", null).ratings())
                .isEmpty();
    }

    @Test
    void rejectsItemCodesNotRatedUnderRatings() {
        assertInvalid(() -> answers(Map.of("NOT_AN_ITEM", 3)), "ratings.NOT_AN_ITEM");
        assertInvalid(() -> answers(Map.of("HOPE", 3)), "ratings.HOPE");
        assertInvalid(() -> answers(Map.of("DO_NO_HARM", 1)), "ratings.DO_NO_HARM");
    }

    @Test
    void rejectsRatingsOffTheScale() {
        assertInvalid(() -> answers(Map.of("KINDNESS", 6)), "ratings.KINDNESS");
        assertInvalid(() -> answers(Map.of("KINDNESS", 0)), "ratings.KINDNESS");
        Map<String, Integer> missing = new HashMap<>();
        missing.put("KINDNESS", null);
        assertInvalid(() -> answers(missing), "ratings.KINDNESS");
    }

    @Test
    void rejectsHopeOffTheScale() {
        assertInvalid(() -> Answers.forFramework(Frameworks.PEER_CORE_V1, Map.of(), 6, NO_HARM, null, null, null),
                "hope");
    }

    @Test
    void theDoNoHarmQuestionMayBeSkippedAndIsThenNoHarmReport() {
        assertThat(Answers.forFramework(Frameworks.PEER_CORE_V1, Map.of(), 3, null, null, null, null).harmReported())
                .isFalse();
        assertThat(Answers.forFramework(Frameworks.PEER_CORE_V1, Map.of(), 3, new HarmAnswer(null, null), null, null,
                null).harmReported()).isFalse();
        assertThat(Answers.forFramework(Frameworks.PEER_CORE_V1, Map.of(), 3, new HarmAnswer(true, null), null, null,
                null).harmReported()).isTrue();
    }

    /** Only a harm report takes what happened to the quality lead: words without a "yes" would reach no one. */
    @Test
    void whatHappenedIsRefusedWithoutAYes() {
        for (Boolean notYes : Arrays.asList(null, false)) {
            assertThatThrownBy(() -> Answers.forFramework(Frameworks.PEER_CORE_V1, Map.of(), 3,
                    new HarmAnswer(notYes, "they shouted at me"), null, null, null))
                    .isInstanceOfSatisfying(InvalidAnswersException.class, invalid -> assertThat(invalid.answers())
                            .containsExactly(new InvalidAnswer("harm.text", Answers.HARM_TEXT_NEEDS_YES)))
                    .hasMessageNotContaining("shouted");
        }
        assertThat(Answers.forFramework(Frameworks.PEER_CORE_V1, Map.of(), 3, new HarmAnswer(false, "  "), null,
                null, null).harmText()).isEmpty();
    }

    @Test
    void textsAreAtMostAThousandCharacters() {
        String longest = "é".repeat(Answers.MAX_TEXT_LENGTH);
        assertThat(Answers.forFramework(Frameworks.PEER_CORE_V1, Map.of(), 3, new HarmAnswer(true, longest), longest,
                null, null).comment()).contains(longest);

        assertInvalid(() -> Answers.forFramework(Frameworks.PEER_CORE_V1, Map.of(), 3, NO_HARM, longest + "x", null,
                null), "comment");
        assertInvalid(() -> Answers.forFramework(Frameworks.PEER_CORE_V1, Map.of(), 3,
                new HarmAnswer(true, longest + "x"), null, null, null), "harm.text");
    }

    @Test
    void theLanguageMustBeOneTheFrameworkSpeaks() {
        assertInvalid(() -> Answers.forFramework(Frameworks.PEER_CORE_V1, Map.of(), 3, NO_HARM, null, "fr", null),
                "language");
    }

    @Test
    void namesEveryInvalidAnswerButNoValue() {
        assertThatThrownBy(() -> Answers.forFramework(Frameworks.PEER_CORE_V1, Map.of("KINDNESS", 9, "ZZZ", 1), 0,
                new HarmAnswer(null, "secret words"), "secret words".repeat(100), null, null))
                .isInstanceOfSatisfying(InvalidAnswersException.class, invalid -> assertThat(invalid.answers())
                        .extracting(InvalidAnswer::field)
                        .containsExactly("ratings.KINDNESS", "ratings.ZZZ", "hope", "harm.text", "comment"))
                .hasMessageNotContaining("secret words");
    }

    @Test
    void toStringKeepsTheParticipantsWordsOut() {
        assertThat(Fixtures.answers().toString()).doesNotContain("listened");
    }

    private static Answers answers(Map<String, Integer> ratings) {
        return Answers.forFramework(Frameworks.PEER_CORE_V1, ratings, 3, NO_HARM, null, null, null);
    }

    private static void assertInvalid(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidAnswersException.class,
                invalid -> assertThat(invalid.answers()).extracting(InvalidAnswer::field).containsExactly(field));
    }
}
