package org.peerpulse.contracts;

import static org.peerpulse.contracts.ItemKind.HARM;
import static org.peerpulse.contracts.ItemKind.HOPE;
import static org.peerpulse.contracts.ItemKind.PRINCIPLE;
import static org.peerpulse.contracts.ItemKind.VALUE;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The frameworks every deployment knows. {@code peer-core-v1} follows the CIBHS text "Integrating Peer
 * Support Core Values, Ethics, And Competencies into Daily Practice": do no harm, eight core values, the
 * five TRUST principles and hope. Wording aims at a 6th-grade reading level.
 */
public final class Frameworks {

    public static final String HOPE_CODE = "HOPE";
    public static final String DO_NO_HARM_CODE = "DO_NO_HARM";

    public static final QualityFramework PEER_CORE_V1 = new QualityFramework("peer-core-v1", 1, 0, List.of(
            item("GIVING_BACK", VALUE,
                    "My peer specialist used their own life story to help me.",
                    "Usó lo que ha vivido en su propia vida para ayudarme."),
            item("COURAGE", VALUE,
                    "I felt able to share what I wanted to share.",
                    "Me sentí capaz de contar lo que quería contar."),
            item("KINDNESS", VALUE,
                    "I felt cared for and comforted.",
                    "Sentí que le importaba y me dio consuelo."),
            item("CAUTION", VALUE,
                    "They chose their words with care.",
                    "Cuidó mucho las palabras que me dijo."),
            item("HELPFULNESS", VALUE,
                    "They showed me how to do things myself, instead of doing them for me.",
                    "Me enseñó a hacer las cosas yo mismo, en vez de hacerlas por mí."),
            item("CREATIVITY", VALUE,
                    "They helped me be creative and find new ways to do things.",
                    "Me ayudó a usar mi creatividad y a buscar nuevas maneras de hacer las cosas."),
            item("GENTLENESS", VALUE,
                    "They were gentle, not pushy.",
                    "Me habló con calma y no me presionó."),
            item("EMPATHY", VALUE,
                    "They understood what I am going through, like someone who has been there.",
                    "Me entendió como alguien que ha pasado por lo mismo."),
            item("SAFE_ATMOSPHERE", PRINCIPLE,
                    "I felt safe in this session.",
                    "Me sentí seguro en esta sesión."),
            item("RECOVERY_FOCUS", PRINCIPLE,
                    "We worked on my recovery and well-being.",
                    "Hablamos de mi recuperación y de cómo estar bien."),
            item("GENUINE_ROLE", PRINCIPLE,
                    "I got real support from a peer, not just paperwork or errands.",
                    "Me apoyó de verdad alguien como yo, no solo con papeles."),
            item("NO_STIGMA", PRINCIPLE,
                    "My feelings were respected, not pushed aside.",
                    "Respetaron mis sentimientos y no los hicieron a un lado."),
            item("STRENGTH_BASED", PRINCIPLE,
                    "My strengths were noticed and praised.",
                    "Notó mis fortalezas y me lo dijo."),
            item(HOPE_CODE, HOPE,
                    "I leave this session more hopeful.",
                    "Salgo de esta sesión con más esperanza."),
            item(DO_NO_HARM_CODE, HARM,
                    "Did anything in this session hurt you or make you feel unsafe?",
                    "¿Algo en esta sesión te lastimó o te hizo sentir inseguro?")),
            Map.of("en", new QualityFramework.ScaleLabels("Not at all", "Very much"),
                    "es", new QualityFramework.ScaleLabels("Para nada", "Muchísimo")));

    private static final List<QualityFramework> ALL = List.of(PEER_CORE_V1);

    private Frameworks() {
    }

    public static Optional<QualityFramework> find(String id, int version) {
        return ALL.stream().filter(f -> f.id().equals(id) && f.version() == version).findFirst();
    }

    public static Optional<QualityFramework> latest(String id) {
        return ALL.stream().filter(f -> f.id().equals(id))
                .max(java.util.Comparator.comparingInt(QualityFramework::version));
    }

    private static FrameworkItem item(String code, ItemKind kind, String english, String spanish) {
        return new FrameworkItem(code, kind, Map.of("en", english, "es", spanish));
    }
}
