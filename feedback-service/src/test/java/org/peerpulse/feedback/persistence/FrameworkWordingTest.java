package org.peerpulse.feedback.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.QualityFramework;

/**
 * The words participants read (DESIGN §2): every item of the built-in framework keeps the meaning of its seed in
 * the CIBHS text, and every question, and the form's notices, stays at about a 6th-grade reading level.
 *
 * <p>Meaning: each item's question must contain, in each language, one word of every group of key words taken
 * from its seed description (a stem matches a word that starts with it). Reading level: the Flesch–Kincaid grade
 * of each English text is at most 6.5, and the Fernández-Huerta ease of each Spanish text is at least 70 ("fairly
 * easy"). The syllable counters are deliberately simple and stated below; they are off by one now and then, which
 * is well inside the margins the texts keep.
 */
class FrameworkWordingTest {

    private static final double MAX_GRADE = 6.5;
    private static final double MIN_EASE = 70;

    private final QualityFramework framework = new BuiltInFrameworks().latest(Frameworks.PEER_CORE_V1.id())
            .orElseThrow();

    /**
     * DESIGN §2's seed for each item, and for each language the groups of key words its question must keep: one
     * of each group.
     */
    private static final Map<String, Seed> SEEDS = Map.ofEntries(
            seed("GIVING_BACK", "uses lived experience to model and help",
                    keyWords("life|lived|experience", "help"), keyWords("vida|experiencia|historia|vivid", "ayud")),
            seed("COURAGE", "able to share what they want to share",
                    keyWords("share", "able|free|want"), keyWords("contar|compartir", "capaz|libre|quer")),
            seed("KINDNESS", "comfort and care",
                    keyWords("care", "comfort"), keyWords("cuidad|cariño|importaba", "acompañ|consol|consuel|reconfort")),
            seed("CAUTION", "careful words: words can hurt and heal",
                    keyWords("word", "care"), keyWords("palabras", "cuid")),
            seed("HELPFULNESS", "teaches how to do, does not do for",
                    keyWords("show|teach", "myself|for me"), keyWords("enseñ|mostr", "yo mismo|por mí")),
            seed("CREATIVITY", "helps find a creative side; flexible",
                    keyWords("creative", "new ways|flexible"), keyWords("creativ", "maneras|formas")),
            seed("GENTLENESS", "not aggressive or overly assertive",
                    keyWords("gentle|calm", "pushy|aggressive|forceful"), keyWords("calma|suave|tranquil", "presion")),
            seed("EMPATHY", "has walked in these shoes",
                    keyWords("understood|understand", "been there|been through|shoes"),
                    keyWords("entend", "pasado por|vivido|lo mismo")),
            seed("SAFE_ATMOSPHERE", "no negative atmosphere that harms",
                    keyWords("safe"), keyWords("segur")),
            seed("RECOVERY_FOCUS", "moving towards recovery and wellness",
                    keyWords("recovery", "well"), keyWords("recuperación", "bienestar|estar bien")),
            seed("GENUINE_ROLE", "the peer specialist is used appropriately, not as a token",
                    keyWords("peer", "real|genuine"), keyWords("compañero|par|como yo", "real|de verdad")),
            seed("NO_STIGMA", "feelings are not demeaned, ignored or pushed aside; the person is respected",
                    keyWords("feeling", "respect"), keyWords("sentimientos", "respet")),
            seed("STRENGTH_BASED", "strengths acknowledged and rewarded",
                    keyWords("strength", "noticed|praised|acknowledged"), keyWords("fortalezas", "not|valor|reconoc")),
            seed("HOPE", "I leave this session more hopeful",
                    keyWords("hope", "leave"), keyWords("esperanza", "salgo")),
            seed("DO_NO_HARM", "Do no harm. Cause no pain. Do not cause trauma.",
                    keyWords("hurt|harm|pain", "unsafe|trauma"), keyWords("lastim|daño|dolor", "insegur|trauma")));

    @Test
    void everyItemKeepsTheMeaningOfItsSeed() {
        assertThat(SEEDS).containsOnlyKeys(framework.items().stream().map(FrameworkItem::code).toArray(String[]::new));
        SoftAssertions softly = new SoftAssertions();
        for (FrameworkItem item : framework.items()) {
            Seed seed = SEEDS.get(item.code());
            holdsTo(softly, item, "en", seed.english(), seed.description());
            holdsTo(softly, item, "es", seed.spanish(), seed.description());
        }
        softly.assertAll();
    }

    @Test
    void everyEnglishQuestionIsAtMostSixthGradeAndEverySpanishOneFairlyEasy() {
        SoftAssertions softly = new SoftAssertions();
        for (FrameworkItem item : framework.items()) {
            String english = item.question().get("en");
            String spanish = item.question().get("es");
            double grade = fleschKincaidGrade(english);
            double ease = fernandezHuerta(spanish);
            System.out.printf(Locale.ROOT, "%-16s FK grade %4.1f | FH ease %5.1f%n", item.code(), grade, ease);
            softly.assertThat(grade).as("%s: \"%s\"", item.code(), english).isLessThanOrEqualTo(MAX_GRADE);
            softly.assertThat(ease).as("%s: \"%s\"", item.code(), spanish).isGreaterThanOrEqualTo(MIN_EASE);
        }
        softly.assertAll();
    }

    /** The notice before the do-no-harm question, and the intro, are read by the same participants. */
    @Test
    void theFormsNoticesAreJustAsEasyToRead() throws IOException {
        Properties english = messages("messages.properties");
        Properties spanish = messages("messages_es.properties");
        SoftAssertions softly = new SoftAssertions();
        for (String key : List.of("form.intro", "form.harmNotice.body", "form.harmText", "error.harmTextNeedsYes")) {
            double grade = fleschKincaidGrade(english.getProperty(key));
            double ease = fernandezHuerta(spanish.getProperty(key));
            System.out.printf(Locale.ROOT, "%-24s FK grade %4.1f | FH ease %5.1f%n", key, grade, ease);
            softly.assertThat(grade).as(key).isLessThanOrEqualTo(MAX_GRADE);
            softly.assertThat(ease).as(key).isGreaterThanOrEqualTo(MIN_EASE);
        }
        softly.assertAll();
    }

    @Test
    void theSyllableCountersCountPlainWordsRight() {
        assertThat(Arrays.stream("cat table peer specialist comfort feelings gentle praised anything"
                .split(" ")).mapToInt(FrameworkWordingTest::englishSyllables).toArray())
                .containsExactly(1, 2, 1, 3, 2, 2, 2, 1, 3);
        assertThat(Arrays.stream("sesión quería esperanza día cuidado bienestar recuperación"
                .split(" ")).mapToInt(FrameworkWordingTest::spanishSyllables).toArray())
                .containsExactly(2, 3, 4, 2, 3, 3, 5);
        // Flesch–Kincaid's own example of a very easy sentence, and a hard one.
        assertThat(fleschKincaidGrade("The cat sat on the mat.")).isLessThan(0);
        assertThat(fleschKincaidGrade("Participation in multidisciplinary organizational evaluation necessitates "
                + "considerable administrative documentation.")).isGreaterThan(16);
    }

    /** Flesch–Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
    static double fleschKincaidGrade(String text) {
        List<String> words = words(text);
        int syllables = words.stream().mapToInt(FrameworkWordingTest::englishSyllables).sum();
        return 0.39 * words.size() / sentences(text) + 11.8 * syllables / words.size() - 15.59;
    }

    /**
     * Fernández-Huerta ease: 206.84 − 60 × syllables per word − 1.02 × words per sentence (the corrected form,
     * with words per sentence as in Flesch's formula it adapts); 70–80 is "fairly easy", above 80 "easy".
     */
    static double fernandezHuerta(String text) {
        List<String> words = words(text);
        int syllables = words.stream().mapToInt(FrameworkWordingTest::spanishSyllables).sum();
        return 206.84 - 60.0 * syllables / words.size() - 1.02 * words.size() / sentences(text);
    }

    /**
     * English syllables, simply: groups of vowels (a e i o u y); a final silent "e" (not "-le") and a final "-ed"
     * or "-es" not after t/d (resp. s/x/z/ch/sh) take one off; every word has at least one. A silent "e" inside
     * a word ("hopeful") counts as one more: the counter errs towards a higher grade, never a lower one.
     */
    static int englishSyllables(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return 0;
        }
        int count = matches(w, "[aeiouy]+");
        if (w.endsWith("e") && !w.endsWith("le") && !w.endsWith("ee") && count > 1) {
            count--;
        } else if (w.endsWith("ed") && !w.matches(".*[td]ed$") && count > 1) {
            count--;
        } else if (w.endsWith("es") && !w.matches(".*(s|x|z|ch|sh|g|c)es$") && count > 1) {
            count--;
        }
        return Math.max(1, count);
    }

    /**
     * Spanish syllables, simply: each group of vowels (a e i o u, accented, ü; a final y) is one syllable, plus one
     * for each hiatus inside it: two strong vowels (a e o, or a stressed í ú) side by side.
     */
    static int spanishSyllables(String word) {
        String w = word.toLowerCase(new Locale("es")).replaceAll("[^a-záéíóúüñ]", "").replaceAll("y$", "i");
        Matcher vowels = Pattern.compile("[aeiouáéíóúü]+").matcher(w);
        int count = 0;
        while (vowels.find()) {
            String group = vowels.group();
            count++;
            for (int i = 1; i < group.length(); i++) {
                if (strong(group.charAt(i - 1)) && strong(group.charAt(i))) {
                    count++;
                }
            }
        }
        return Math.max(1, count);
    }

    private static boolean strong(char vowel) {
        return "aeoáéóíú".indexOf(vowel) >= 0;
    }

    private static int matches(String word, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(word);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String token : text.split("[\\s\\-—]+")) {
            if (token.replaceAll("[^\\p{L}0-9]", "").length() > 0) {
                words.add(token);
            }
        }
        return words;
    }

    private static int sentences(String text) {
        return Math.max(1, matches(text.strip(), "[.!?]+(\\s|$)"));
    }

    private static void holdsTo(SoftAssertions softly, FrameworkItem item, String language, List<List<String>> groups,
            String seed) {
        String text = item.question().get(language).toLowerCase(new Locale(language));
        for (List<String> group : groups) {
            boolean kept = group.stream().anyMatch(stem -> Pattern.compile("(^|[^\\p{L}])" + Pattern.quote(stem))
                    .matcher(text).find());
            softly.assertThat(kept).as("%s (%s) \"%s\" keeps one of %s from its seed \"%s\"", item.code(), language,
                    item.question().get(language), group, seed).isTrue();
        }
    }

    private static Properties messages(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = FrameworkWordingTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Map.Entry<String, Seed> seed(String code, String description, List<List<String>> english,
            List<List<String>> spanish) {
        return Map.entry(code, new Seed(description, english, spanish));
    }

    private static List<List<String>> keyWords(String... alternatives) {
        return Arrays.stream(alternatives).map(group -> List.of(group.split("\\|"))).toList();
    }

    private record Seed(String description, List<List<String>> english, List<List<String>> spanish) {
    }
}
