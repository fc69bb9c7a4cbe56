package kz.incidentmap.edit;

import static kz.incidentmap.edit.EditFixtures.TODAY;
import static kz.incidentmap.edit.EditFixtures.draft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import kz.incidentmap.model.Credibility;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.Reliability;
import kz.incidentmap.model.Vocabulary;
import org.junit.jupiter.api.Test;

class IncidentValidatorTest {

    private final IncidentValidator validator = new IncidentValidator(EditFixtures.oblasts());

    private IncidentDraft with(String field, String value) {
        IncidentDraft d = draft();
        SourceDraft s = d.sources().get(0);
        return switch (field) {
            case "lat" -> new IncidentDraft(d.id(), d.title(), d.type(), d.subType(), d.date(), d.datePrecision(),
                    d.time(), d.place(), d.oblast(), d.lon(), value, d.locationPrecision(), d.perpetrator(),
                    d.claimedBy(), d.description(), d.eventGroup(), d.tags(), d.created(), d.updated(), d.sources());
            case "lon" -> new IncidentDraft(d.id(), d.title(), d.type(), d.subType(), d.date(), d.datePrecision(),
                    d.time(), d.place(), d.oblast(), value, d.lat(), d.locationPrecision(), d.perpetrator(),
                    d.claimedBy(), d.description(), d.eventGroup(), d.tags(), d.created(), d.updated(), d.sources());
            case "date" -> new IncidentDraft(d.id(), d.title(), d.type(), d.subType(), value, d.datePrecision(),
                    d.time(), d.place(), d.oblast(), d.lon(), d.lat(), d.locationPrecision(), d.perpetrator(),
                    d.claimedBy(), d.description(), d.eventGroup(), d.tags(), d.created(), d.updated(), d.sources());
            case "sub_type" -> new IncidentDraft(d.id(), d.title(), d.type(), value, d.date(), d.datePrecision(),
                    d.time(), d.place(), d.oblast(), d.lon(), d.lat(), d.locationPrecision(), d.perpetrator(),
                    d.claimedBy(), d.description(), d.eventGroup(), d.tags(), d.created(), d.updated(), d.sources());
            case "sources[0].url" -> withSource(d, new SourceDraft(s.key(), s.title(), s.publisher(), value,
                    s.published(), s.language(), s.killed(), s.wounded(), s.claimDate(), s.note()));
            case "sources[0].killed" -> withSource(d, new SourceDraft(s.key(), s.title(), s.publisher(), s.url(),
                    s.published(), s.language(), value, s.wounded(), s.claimDate(), s.note()));
            case "sources[0].published" -> withSource(d, new SourceDraft(s.key(), s.title(), s.publisher(), s.url(),
                    value, s.language(), s.killed(), s.wounded(), s.claimDate(), s.note()));
            case "sources[0].wounded" -> withSource(d, new SourceDraft(s.key(), s.title(), s.publisher(), s.url(),
                    s.published(), s.language(), s.killed(), value, s.claimDate(), s.note()));
            case "sources[0].date" -> withSource(d, new SourceDraft(s.key(), s.title(), s.publisher(), s.url(),
                    s.published(), s.language(), s.killed(), s.wounded(), value, s.note()));
            case "sources[0].reliability" -> withSource(d, new SourceDraft(s.key(), s.title(), s.publisher(), s.url(),
                    s.published(), s.language(), s.killed(), s.wounded(), s.claimDate(), s.note(), value, ""));
            case "sources[0].credibility" -> withSource(d, new SourceDraft(s.key(), s.title(), s.publisher(), s.url(),
                    s.published(), s.language(), s.killed(), s.wounded(), s.claimDate(), s.note(), "", value));
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static IncidentDraft withSource(IncidentDraft d, SourceDraft s) {
        return new IncidentDraft(d.id(), d.title(), d.type(), d.subType(), d.date(), d.datePrecision(), d.time(),
                d.place(), d.oblast(), d.lon(), d.lat(), d.locationPrecision(), d.perpetrator(), d.claimedBy(),
                d.description(), d.eventGroup(), d.tags(), d.created(), d.updated(), List.of(s));
    }

    private void assertError(String field, String value, String message) {
        IncidentValidator.Result r = validator.check(with(field, value), TODAY);
        assertNull(r.incident(), field + " " + value);
        assertEquals(1, r.errors().size(), r.problems().toString());
        assertEquals(field, r.errors().get(0).field());
        assertTrue(r.errors().get(0).message().contains(message), r.errors().get(0).message());
    }

    @Test
    void aGradeOffTheScaleIsNamedWithItsSourceRow() {
        assertError("sources[0].reliability", "G", "grade 'G' is not one of A–F");
        assertError("sources[0].reliability", "AB", "grade 'AB' is not one of A–F");
        assertError("sources[0].credibility", "7", "credibility '7' is not one of 1–6");
        assertError("sources[0].credibility", "0", "credibility '0' is not one of 1–6");
        assertError("sources[0].credibility", "B", "credibility 'B' is not one of 1–6");
    }

    @Test
    void gradesAreOptionalAndReadInEitherCase() {
        Incident graded = validator.check(with("sources[0].reliability", " b "), TODAY).incident();
        assertEquals(Reliability.B, graded.sources().get(0).reliability());
        assertNull(graded.claims().get(0).credibility());
        Incident rated = validator.check(with("sources[0].credibility", "2"), TODAY).incident();
        assertEquals(Credibility.PROBABLY_TRUE, rated.claims().get(0).credibility());
        assertNull(rated.sources().get(0).reliability(), "blank is not graded");
    }

    @Test
    void aGoodDraftBecomesARecordWithItsOblast() {
        IncidentValidator.Result r = validator.check(draft(), TODAY);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        Incident i = r.incident();
        assertEquals("Turkistan Region", i.oblast());
        assertEquals(IncidentSubType.ATTACK_ON_CIVILIANS, i.subType());
        assertEquals(LocalTime.of(14, 30), i.time());
        assertEquals(List.of("checkpoint", "police"), i.tags());
        assertEquals("2", i.killedRange());
        assertEquals("5", i.woundedRange());
        assertEquals(36, i.id().length());
        assertTrue(i.sources().get(0).key().startsWith("src-"));
    }

    @Test
    void eachBadFieldIsNamedWithItsReason() {
        assertError("lat", "95", "latitude 95 is outside -90..90");
        assertError("lon", "-181", "longitude -181 is outside -180..180");
        assertError("lat", "forty", "'forty' is not a number");
        assertError("date", "2024-06-02", "is in the future");
        assertError("date", "12/11/2011", "not a valid date (expected yyyy-MM-dd)");
        assertError("sub_type", "arrests", "is a sub-type of 'security_operation', not of 'armed_attack'");
        assertError("sources[0].url", "example.org/page", "is not a web address");
        assertError("sources[0].url", "https://exa mple.org", "is not a well-formed address");
        assertError("sources[0].killed", "-1", "-1 is negative");
        assertError("sources[0].killed", "2.5", "is not a whole number");
        assertError("sources[0].published", "2030-01-01", "is in the future");
    }

    /** Checks that {@code value} in {@code field} passes with exactly one warning, on that field, saying {@code message}. */
    private void assertWarning(String field, String value, String message) {
        IncidentValidator.Result r = validator.check(with(field, value), TODAY);
        assertTrue(r.ok(), field + " " + value + ": " + r.problems());
        assertEquals(1, r.problems().size(), r.problems().toString());
        FieldProblem p = r.problems().get(0);
        assertTrue(p.warning(), p.toString());
        assertEquals(field, p.field());
        assertTrue(p.message().contains(message), p.message());
    }

    @Test
    void datesBefore1800AreRefusedInEveryDateField() {
        assertError("date", "1011-05-03", "1011-05-03 is before 1800-01-01, the earliest date a record may hold");
        assertError("date", "-0044-03-15", "is before 1800-01-01");
        assertError("date", "1799-12-31", "is before 1800-01-01");
        assertError("sources[0].published", "1011-05-03", "is before 1800-01-01");
        assertError("sources[0].date", "0999-01-01", "is before 1800-01-01");
        assertError("sources[0].date", "+12011-01-01", "is in the future");
        assertTrue(validator.check(with("date", "1900-01-01"), TODAY).problems().isEmpty());
    }

    @Test
    void datesFrom1800To1899AreKeptWithAWarning() {
        assertWarning("date", "1800-01-01", "1800-01-01 is before 1900; check the year");
        assertWarning("sources[0].published", "1899-12-31", "is before 1900");
        assertWarning("sources[0].date", "1854-10-25", "is before 1900");
    }

    @Test
    void countsAbove100000AreRefusedAndAbove10000Doubted() {
        assertError("sources[0].killed", "2000000000", "2,000,000,000 is more than 100,000, the most a count may be");
        assertError("sources[0].wounded", "100001", "is more than 100,000");
        assertError("sources[0].killed", "99999999999999999999", "'99999999999999999999' is far outside 0..100,000");
        assertError("sources[0].killed", "many", "'many' is not a whole number");
        assertError("sources[0].wounded", "7.0", "'7.0' is not a whole number");
        assertWarning("sources[0].killed", "10001", "10,001 is more than 10,000; check the figure");
        assertWarning("sources[0].wounded", "100000", "is more than 10,000");
        assertEquals(10_000, validator.check(with("sources[0].killed", "10000"), TODAY).incident().claims().get(0)
                .killed());
    }

    @Test
    void aPointOutsideKazakhstanIsOnlyAWarning() {
        // 69.59 E, 41.31 N lies in Uzbekistan, east of Tashkent.
        IncidentValidator.Result r = validator.check(with("lat", "41.31"), TODAY);
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).warning());
        assertTrue(r.problems().get(0).message().contains("outside Kazakhstan"));
    }

    @Test
    void aMonthDateIsTheFirstOfTheMonth() {
        IncidentDraft d = draft();
        d = new IncidentDraft(d.id(), d.title(), d.type(), d.subType(), "2011-11-09", "month", "", d.place(),
                d.oblast(), d.lon(), d.lat(), d.locationPrecision(), d.perpetrator(), d.claimedBy(), d.description(),
                d.eventGroup(), d.tags(), d.created(), d.updated(), d.sources());
        Incident i = validator.check(d, TODAY).incident();
        assertEquals(LocalDate.of(2011, 11, 1), i.date());
        assertEquals(DatePrecision.MONTH, i.datePrecision());
        assertNull(i.time());
    }

    @Test
    void theFormTakesOnlyKnownSubTypesWhileAnImportAddsANewOneToTheFamily() {
        IncidentValidator.Result form = validator.check(with("sub_type", "Drive-by shooting"), TODAY);
        assertNull(form.incident());
        assertTrue(form.errors().get(0).message().startsWith("unknown incident sub-type 'Drive-by shooting' (known: "),
                form.errors().get(0).message());

        Vocabulary store = Vocabulary.builtIn();
        IncidentValidator importing = validator.forVocabulary(store);
        Incident added = importing.check(with("sub_type", "Drive-by shooting"), TODAY).incident();
        assertEquals("drive_by_shooting", added.subType().code());
        assertEquals(IncidentType.ARMED_ATTACK, added.subType().type(), "under the record's family");
        assertEquals(added.subType(), store.require("drive_by_shooting"), "the store's vocabulary has it");
        assertEquals(added.subType(), importing.check(with("sub_type", "drive-by SHOOTING"), TODAY).incident().subType(),
                "found again by its name, not added twice");
        assertEquals(IncidentSubType.ABDUCTION, importing.check(with("sub_type", "Abduction/forced disappearance"), TODAY)
                .incident().subType(), "a built-in one by its ACLED name");
        assertEquals(IncidentSubType.BUILT_IN.size() + 1, store.size());
    }
}
