package kz.incidentmap.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A place of the user's: its rings as written, and what is refused. */
class MyPlaceTest {

    @Test
    void ringsAreReadSortedAndWrittenBack() {
        assertEquals(List.of(5000, 200, 1000), MyPlace.parseRings(" 5000, 200 ,1000"));
        MyPlace p = new MyPlace("  home ", 70, 45, MyPlace.parseRings("5000,200,1000,200"), Instant.EPOCH);
        assertEquals("home", p.name());
        assertEquals(List.of(200, 1000, 5000), p.rings(), "ascending, each once");
        assertEquals("200,1000,5000", MyPlace.ringsText(p.rings()));
        assertEquals(List.of(), MyPlace.parseRings("  "));
    }

    @Test
    void badValuesAreRefusedByName() {
        IllegalArgumentException abc = assertThrows(IllegalArgumentException.class, () -> MyPlace.parseRings("200,abc"));
        assertTrue(abc.getMessage().contains("'abc' is not a whole number of metres"), abc.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MyPlace.parseRings("200,,1000"));
        assertThrows(IllegalArgumentException.class, () -> new MyPlace("", 70, 45, List.of(), Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> new MyPlace("a\nb", 70, 45, List.of(), Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> new MyPlace("x", 70, 95, List.of(), Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> new MyPlace("x", 70, 45, List.of(0), Instant.EPOCH));
    }

    @Test
    void aReferenceNamesAPlaceAfterItsPrefix() {
        assertEquals("where I lived", MyPlace.referencedName("Place: where I lived "));
        assertNull(MyPlace.referencedName("Taraz"));
        assertNull(MyPlace.referencedName("71.3,42.9"));
    }
}
