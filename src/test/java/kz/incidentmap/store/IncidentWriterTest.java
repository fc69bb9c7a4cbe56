package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Store timestamps are the ISO 8601 text the formatter gives, whichever way they are made. */
class IncidentWriterTest {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void timestampsMatchTheFormatterAcrossTheYears() {
        Random random = new Random(3);
        for (int k = 0; k < 20_000; k++) {
            long seconds = (long) ((random.nextDouble() - 0.5) * 2 * 400_000_000_000L);
            Instant t = Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
            assertEquals(ISO_MILLIS.format(t), IncidentWriter.timestamp(t), t.toString());
        }
        assertEquals("2011-11-12T10:15:00.000Z", IncidentWriter.timestamp(Instant.parse("2011-11-12T10:15:00Z")));
        assertEquals("1969-12-31T23:59:59.999Z", IncidentWriter.timestamp(Instant.ofEpochMilli(-1)));
        assertEquals("0001-01-01T00:00:00.000Z", IncidentWriter.timestamp(Instant.parse("0001-01-01T00:00:00Z")));
        assertEquals(ISO_MILLIS.format(Instant.parse("0000-06-01T00:00:00Z")), IncidentWriter.timestamp(Instant.parse("0000-06-01T00:00:00Z")));
    }
}
