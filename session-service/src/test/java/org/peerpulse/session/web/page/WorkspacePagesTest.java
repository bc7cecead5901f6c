package org.peerpulse.session.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.AgencySettingsChanged;
import org.peerpulse.session.application.ChangeDirectory;
import org.peerpulse.session.application.ChangeSettings;
import org.peerpulse.session.application.DirectoryCommand;
import org.peerpulse.session.application.ListSessions;
import org.peerpulse.session.application.ReadDirectory;
import org.peerpulse.session.domain.SessionSearch;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The workspace and administration pages through the real security chain and use cases, on the shared test
 * backends (the same context as the API tests), with a signed-in person made by {@code oidcLogin()}. Each test
 * works in an agency of its own.
 */
@PeerPulseIntegrationTest(properties = {
    "peerpulse.outbox.send-timeout=1s",
    "spring.kafka.producer.properties.max.block.ms=2000"
})
class WorkspacePagesTest {

    private static final String PARTICIPANT = "client-4711";

    @Autowired
    WebApplicationContext context;
    @Autowired
    ChangeDirectory changeDirectory;
    @Autowired
    ReadDirectory readDirectory;
    @Autowired
    ChangeSettings changeSettings;
    @Autowired
    ListSessions listSessions;
    @Autowired
    MongoTemplate mongo;

    private MockMvc mvc;
    private String agency;

    @BeforeEach
    void agencyWithTwoPrograms() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        agency = "pages-" + UUID.randomUUID().toString().substring(0, 8);
        changeDirectory.change(new DirectoryCommand.AddProgram(agency, "coaching", "Recovery coaching"));
        changeDirectory.change(new DirectoryCommand.AddProgram(agency, "housing", "Housing first"));
        changeDirectory.change(new DirectoryCommand.AddProgram(agency, "crisis", "Crisis line"));
        changeDirectory.change(new DirectoryCommand.AddSpecialist(agency, "ana", "Ana", List.of("housing", "coaching")));
    }

    @Test
    void aStrangerIsSentToSignInAndSomeoneWithoutARoleGetsThe403Page() throws Exception {
        MockHttpServletResponse stranger = mvc.perform(get("/")).andReturn().getResponse();
        assertThat(stranger.getStatus()).isEqualTo(302);
        assertThat(stranger.getRedirectedUrl()).endsWith("/oauth2/authorization/peerpulse");

        MockHttpServletResponse ops = mvc.perform(get("/").with(person("ops", null, "ops"))).andReturn().getResponse();
        assertThat(ops.getStatus()).isEqualTo(403);
        // The chain forwards to the 403 page (MockMvc records the forward rather than following it).
        assertThat(mvc.perform(get("/").with(person("ops", null, "ops"))).andReturn().getResponse().getForwardedUrl())
                .isEqualTo("/denied");
        assertThat(mvc.perform(get("/denied").with(person("ops", null, "ops"))).andReturn().getResponse()
                .getContentAsString()).contains("This page is not for your role");

        MockHttpServletResponse specialistOnAdmin = mvc.perform(get("/admin").with(ana())).andReturn().getResponse();
        assertThat(specialistOnAdmin.getStatus()).isEqualTo(403);
    }

    @Test
    void theWorkspaceGreetsTheSpecialistAndOffersOnlyTheirProgramsInEnglishOrSpanish() throws Exception {
        MockHttpSession browser = new MockHttpSession();
        String page = mvc.perform(get("/").session(browser).with(ana())).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Hello, Ana Rivera", "Log a session", "name=\"_csrf\"")
                .contains("<option value=\"coaching\" selected=\"selected\">Recovery coaching</option>")
                .contains("value=\"housing\"").doesNotContain("value=\"crisis\"")
                .contains("type=\"datetime-local\"").doesNotContain("href=\"/admin\"")
                .contains("http://127.0.0.1:8083/learning");

        String spanish = mvc.perform(get("/").param("lang", "es").session(browser).with(ana())).andReturn()
                .getResponse().getContentAsString();
        assertThat(spanish).contains("Hola, Ana Rivera", "Registrar una sesión", "lang=\"es\"");
        // The choice stays with the browser's session.
        assertThat(mvc.perform(get("/").session(browser).with(ana())).andReturn().getResponse().getContentAsString())
                .contains("Hola, Ana Rivera");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndStoresNothing() throws Exception {
        MockHttpServletResponse answer = mvc.perform(post("/sessions").with(ana()).param("programId", "coaching")
                .param("participantRef", PARTICIPANT).param("occurredAt", "2026-01-01T10:00")).andReturn().getResponse();

        assertThat(answer.getStatus()).isEqualTo(403);
        assertThat(sessionsOfAgency()).isZero();
    }

    @Test
    void loggingHandsOverTheLinksOnceAndKeepsTheTokensOnlyInTheHttpSession() throws Exception {
        // Every time on the pages is on the agency's clock, the links' expiry too.
        AgencySettingsChanged.Settings defaults = AgencySettingsChanged.Settings.DEFAULTS;
        changeSettings.change(new ChangeSettings.Command(agency, new AgencySettingsChanged.Settings("Asia/Tokyo",
                defaults.minCellSize(), defaults.exportMinCellSize(), null, null, List.of(), defaults.crisisLine(),
                defaults.formLanguages(), null, null, null)));
        MockHttpSession browser = new MockHttpSession();
        MockHttpServletResponse logged = mvc.perform(post("/sessions").session(browser).with(ana()).with(csrf())
                .param("programId", "housing").param("participantRef", PARTICIPANT)
                .param("occurredAt", nowMinutes()).param("durationMinutes", "30").param("channel", "IN_PERSON")
                .param("activity", "PEER_SUPPORT").param("attendees", "2").param("valuesPracticed", "KINDNESS"))
                .andReturn().getResponse();

        assertThat(logged.getStatus()).isEqualTo(302);
        String handOver = logged.getRedirectedUrl();
        assertThat(handOver).matches("/sessions/[A-Za-z0-9._-]+/handover");
        String sessionId = handOver.split("/")[2];

        MockHttpServletResponse shown = mvc.perform(get(handOver).session(browser).with(ana())).andReturn().getResponse();
        assertThat(shown.getStatus()).isEqualTo(200);
        assertThat(shown.getHeader("Cache-Control")).contains("no-store");
        assertThat(shown.getHeader("Content-Security-Policy")).contains("img-src 'self' data:");
        String page = shown.getContentAsString();
        assertThat(page.split("src=\"data:image/png;base64,", -1)).hasSize(3);
        assertThat(page).contains("Asia/Tokyo").doesNotContain(" UTC");
        List<String> tokens = java.util.regex.Pattern.compile("/f/([A-Za-z0-9_-]{20,})\\?mode=kiosk").matcher(page)
                .results().map(match -> match.group(1)).distinct().toList();
        assertThat(tokens).hasSize(2);

        // Stored: the session with two invitations, by hash; the raw tokens and the reference nowhere in Mongo.
        assertThat(sessionsOfAgency()).isEqualTo(1);
        for (String collection : List.of("sessions", "audit")) {
            assertThat(mongo.findAll(Document.class, collection).stream().map(Document::toJson))
                    .noneMatch(json -> tokens.stream().anyMatch(json::contains) || json.contains(PARTICIPANT));
        }

        // Another browser of the same person, or this one after going back to the workspace: shown once.
        String later = mvc.perform(get(handOver).session(new MockHttpSession()).with(ana())).andReturn().getResponse()
                .getContentAsString();
        assertThat(later).contains("Links are shown only once").doesNotContain("data:image/png")
                .contains("/sessions/" + sessionId + "/invitations");
        mvc.perform(get("/").session(browser).with(ana()));
        assertThat(mvc.perform(get(handOver).session(browser).with(ana())).andReturn().getResponse()
                .getContentAsString()).doesNotContain("data:image/png");

        // New links from the list: the same hand-over, with fresh tokens.
        MockHttpServletResponse reissued = mvc.perform(post("/sessions/" + sessionId + "/invitations").session(browser)
                .with(ana()).with(csrf())).andReturn().getResponse();
        assertThat(reissued.getRedirectedUrl()).isEqualTo(handOver);
        String fresh = mvc.perform(get(handOver).session(browser).with(ana())).andReturn().getResponse()
                .getContentAsString();
        assertThat(fresh).contains("data:image/png;base64,");
        assertThat(tokens).noneMatch(fresh::contains);
    }

    @Test
    void refusedFormsNameTheFieldAndStoreNothing() throws Exception {
        MockHttpServletResponse missing = mvc.perform(post("/sessions").with(ana()).with(csrf())
                .param("programId", "coaching").param("participantRef", " ").param("occurredAt", nowMinutes()))
                .andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(missing.getContentAsString()).contains("Nothing was saved", "id=\"participantRef-error\"");

        MockHttpServletResponse notTheirs = mvc.perform(post("/sessions").with(ana()).with(csrf())
                .param("programId", "crisis").param("participantRef", PARTICIPANT).param("occurredAt", nowMinutes()))
                .andReturn().getResponse();
        assertThat(notTheirs.getStatus()).isEqualTo(422);
        assertThat(notTheirs.getContentAsString()).contains("id=\"programId-error\"",
                "is not a program this specialist works in");

        MockHttpServletResponse future = mvc.perform(post("/sessions").with(ana()).with(csrf())
                .param("programId", "coaching").param("participantRef", PARTICIPANT)
                .param("occurredAt", "2999-01-01T10:00")).andReturn().getResponse();
        assertThat(future.getStatus()).isEqualTo(400);
        assertThat(future.getContentAsString()).contains("id=\"occurredAt-error\"", "must not be in the future");

        assertThat(sessionsOfAgency()).isZero();
    }

    @Test
    void aSpecialistVoidsTheirSessionWithAReason() throws Exception {
        MockHttpSession browser = new MockHttpSession();
        String sessionId = mvc.perform(post("/sessions").session(browser).with(ana()).with(csrf())
                .param("programId", "coaching").param("participantRef", PARTICIPANT).param("occurredAt", nowMinutes()))
                .andReturn().getResponse().getRedirectedUrl().split("/")[2];

        mvc.perform(post("/sessions/" + sessionId + "/void").session(browser).with(ana()).with(csrf()).param("reason", ""));
        assertThat(listSessions.list(new SessionSearch(agency, null, "ana", null, null, 0, 5)).items().get(0).voided())
                .isFalse();

        var voided = mvc.perform(post("/sessions/" + sessionId + "/void").session(browser)
                .with(ana()).with(csrf()).param("reason", "logged twice")).andReturn();
        assertThat(voided.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(voided.getFlashMap().get("notice")).isEqualTo("notice.voided");
        assertThat(listSessions.list(new SessionSearch(agency, null, "ana", null, null, 0, 5)).items().get(0).voided())
                .isTrue();
        assertThat(mvc.perform(get("/").with(ana()).flashAttr("notice", "notice.voided")).andReturn()
                .getResponse().getContentAsString()).contains("The session was voided", "class=\"tag\">voided");
        awaitAudit("session.void");
    }

    @Test
    void aLeadKeepsTheDirectoryAndSettingsAndRefusedChangesChangeNothing() throws Exception {
        String workspace = mvc.perform(get("/").with(lena())).andReturn().getResponse().getContentAsString();
        assertThat(workspace).contains("href=\"/admin\"", "http://127.0.0.1:8083/", "Specialist (log on behalf of)");
        MockHttpServletResponse admin = mvc.perform(get("/admin").with(lena())).andReturn().getResponse();
        assertThat(admin.getStatus()).isEqualTo(200);
        assertThat(admin.getContentAsString()).contains("Recovery coaching", "Ana", "name=\"minCellSize\"", "_csrf");

        MockHttpServletResponse added = mvc.perform(post("/admin/programs").with(lena()).with(csrf())
                .param("id", "warmline").param("name", "Warm line")).andReturn().getResponse();
        assertThat(added.getRedirectedUrl()).isEqualTo("/admin");
        assertThat(readDirectory.read(agency).program("warmline")).isPresent();
        awaitAudit("directory.program.add");

        MockHttpServletResponse duplicate = mvc.perform(post("/admin/programs").with(lena()).with(csrf())
                .param("id", "warmline").param("name", "Again")).andReturn().getResponse();
        assertThat(duplicate.getStatus()).isEqualTo(422);
        assertThat(duplicate.getContentAsString()).contains("Nothing was changed: id is already a program");

        long version = readDirectory.read(agency).version();
        MockHttpServletResponse tooSmall = mvc.perform(settings("minCellSize", "2")).andReturn().getResponse();
        assertThat(tooSmall.getStatus()).isEqualTo(422);
        assertThat(tooSmall.getContentAsString()).contains("minCellSize must be at least 3");
        assertThat(mvc.perform(settings("timeZone", "Mars/Olympus")).andReturn().getResponse().getContentAsString())
                .contains("timeZone is not a known IANA time zone");
        assertThat(mvc.perform(settings("alertWebhookUrl", "http://example.org/hook")).andReturn()
                .getResponse().getContentAsString()).contains("alertWebhookUrl must be an https URL");
        assertThat(readDirectory.read(agency).version()).isEqualTo(version);

        MockHttpServletResponse saved = mvc.perform(settings("minCellSize", "3")).andReturn().getResponse();
        assertThat(saved.getRedirectedUrl()).isEqualTo("/admin#settings");
        assertThat(readDirectory.read(agency).settings().minCellSize()).isEqualTo(3);
        assertThat(readDirectory.read(agency).settings().timeZone()).isEqualTo("America/New_York");
        awaitAudit("settings.change");

        mvc.perform(post("/admin/specialists/ana").with(lena()).with(csrf()).param("programsShown", "true")
                .param("programs", "warmline"));
        assertThat(readDirectory.read(agency).specialist("ana").orElseThrow().programs()).containsExactly("warmline");
        mvc.perform(post("/admin/programs/warmline").with(lena()).with(csrf()).param("active", "false"));
        assertThat(readDirectory.read(agency).program("warmline").orElseThrow().active()).isFalse();
    }

    @Test
    void aLeadLogsOnBehalfOfASpecialistOfTheDirectory() throws Exception {
        MockHttpServletResponse forNobody = mvc.perform(post("/sessions").with(lena()).with(csrf())
                .param("programId", "coaching").param("participantRef", PARTICIPANT).param("occurredAt", nowMinutes()))
                .andReturn().getResponse();
        assertThat(forNobody.getStatus()).isEqualTo(422);
        assertThat(forNobody.getContentAsString()).contains("id=\"specialistId-error\"");

        MockHttpServletResponse forAna = mvc.perform(post("/sessions").with(lena()).with(csrf())
                .param("programId", "coaching").param("specialistId", "ana").param("participantRef", PARTICIPANT)
                .param("occurredAt", nowMinutes())).andReturn().getResponse();
        assertThat(forAna.getRedirectedUrl()).endsWith("/handover");
        assertThat(listSessions.list(new SessionSearch(agency, null, "ana", null, null, 0, 5)).items())
                .singleElement().satisfies(session -> assertThat(session.details().loggedBy()).isEqualTo("lena"));
    }

    /** A full settings form, as the page posts it, with one field changed. */
    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder settings(String field,
            String value) {
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>(java.util.Map.of("timeZone",
                "America/New_York", "minCellSize", "5", "exportMinCellSize", "11", "crisisLineEn", "Call 988",
                "crisisLineEs", "Llama al 988"));
        form.put(field, value);
        var request = post("/admin/settings").with(lena()).with(csrf()).param("formLanguages", "en", "es");
        form.forEach(request::param);
        return request;
    }

    private void awaitAudit(String action) {
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findAll(Document.class, "audit").stream()
                .anyMatch(record -> action.equals(record.getString("action")) && agency.equals(record.getString("agencyId"))));
    }

    private long sessionsOfAgency() {
        return listSessions.list(new SessionSearch(agency, null, null, null, null, 0, 100)).totalItems();
    }

    private static String nowMinutes() {
        return java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(5).withSecond(0).withNano(0)
                .toString();
    }

    private OidcLoginRequestPostProcessor ana() {
        return person("ana", "ana", "specialist");
    }

    private OidcLoginRequestPostProcessor lena() {
        return person("lena", null, "quality_lead");
    }

    private OidcLoginRequestPostProcessor person(String subject, String specialist, String role) {
        boolean ofAgency = !"ops".equals(role);
        return oidcLogin().idToken(token -> {
            token.subject(subject).claim("roles", List.of(role))
                    .claim("name", "ana".equals(subject) ? "Ana Rivera" : "Lena Ortiz");
            if (ofAgency) {
                token.claim("agency", agency);
            }
            if (specialist != null) {
                token.claim("specialist", specialist);
            }
        }).authorities(ofAgency
                ? List.of(new SimpleGrantedAuthority("ROLE_" + role), new SimpleGrantedAuthority("AGENCY_" + agency))
                : List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }
}
