package org.peerpulse.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameworksTest {

    private final QualityFramework framework = Frameworks.PEER_CORE_V1;

    @Test
    void peerCoreAsksEightValuesFivePrinciplesHopeAndDoNoHarm() {
        assertThat(framework.itemsOfKind(ItemKind.VALUE)).extracting(FrameworkItem::code).containsExactly(
                "GIVING_BACK", "COURAGE", "KINDNESS", "CAUTION", "HELPFULNESS", "CREATIVITY", "GENTLENESS",
                "EMPATHY");
        assertThat(framework.itemsOfKind(ItemKind.PRINCIPLE)).extracting(FrameworkItem::code).containsExactly(
                "SAFE_ATMOSPHERE", "RECOVERY_FOCUS", "GENUINE_ROLE", "NO_STIGMA", "STRENGTH_BASED");
        assertThat(framework.itemsOfKind(ItemKind.HOPE)).extracting(FrameworkItem::code).containsExactly("HOPE");
        assertThat(framework.itemsOfKind(ItemKind.HARM)).extracting(FrameworkItem::code)
                .containsExactly("DO_NO_HARM");
    }

    @Test
    void everyQuestionAndScaleIsWordedInEnglishAndSpanish() {
        assertThat(framework.items()).allSatisfy(item -> assertThat(item.question())
                .containsOnlyKeys("en", "es")
                .allSatisfy((language, text) -> assertThat(text).isNotBlank().hasSizeLessThan(90)));
        assertThat(framework.scale()).containsOnlyKeys("en", "es");
    }

    @Test
    void harmIsNeverRatedOnTheScale() {
        assertThat(framework.item("DO_NO_HARM")).get().extracting(FrameworkItem::isRated).isEqualTo(false);
        assertThat(framework.item("HOPE")).get().extracting(FrameworkItem::isRated).isEqualTo(true);
    }

    @Test
    void frameworksAreFoundByIdAndVersion() {
        assertThat(Frameworks.find("peer-core-v1", 1)).contains(framework);
        assertThat(Frameworks.find("peer-core-v1", 2)).isEmpty();
        assertThat(Frameworks.latest("peer-core-v1")).contains(framework);
    }
}
