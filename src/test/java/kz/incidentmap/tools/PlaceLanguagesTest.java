package kz.incidentmap.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Russian and Kazakh names of the cities: which source each comes from, and the catalogue reader. */
class PlaceLanguagesTest {

    @TempDir
    Path dir;

    @Test
    void aCatalogueIsReadAndADamagedOneIsRefused() throws Exception {
        Path mo = dir.resolve("x.mo");
        Files.write(mo, mo(Map.of("1516905", "Тараз", "KZ.17", "Жамбылская область")));
        assertEquals(Map.of("1516905", "Тараз", "KZ.17", "Жамбылская область"), MoCatalog.read(mo));
        Files.write(mo, "not a catalogue at all".getBytes(StandardCharsets.UTF_8));
        IOException e = assertThrows(IOException.class, () -> MoCatalog.read(mo));
        assertTrue(e.getMessage().contains("x.mo: not a gettext catalogue"), e.getMessage());
    }

    @Test
    void eachNameComesFromTheBestSourceThereIs() throws Exception {
        Path locale = dir.resolve("locale");
        Path maps = dir.resolve("maps");
        Files.createDirectories(locale.resolve("ru/LC_MESSAGES"));
        Files.createDirectories(locale.resolve("kk/LC_MESSAGES"));
        Files.createDirectories(maps);
        // Taraz: Russian from the catalogue, Kazakh spelt alike. Karaganda: Kazakh from the catalogue's
        // Kazakh Latin. Oskemen: Kazakh from an alternate. Zaysan: nothing in Cyrillic, transliterated.
        Files.write(locale.resolve("ru/LC_MESSAGES/geonames.mo"), mo(Map.of("1", "Тараз", "2", "Караганда")));
        Files.write(locale.resolve("kk/LC_MESSAGES/geonames.mo"), mo(Map.of("1", "Taraz", "2", "Qarağandı")));
        Files.writeString(maps.resolve("cities.geojson"), "{\"type\":\"FeatureCollection\",\"features\":["
                + city(1, "Taraz") + "," + city(2, "Karagandy") + "," + city(3, "Ust-Kamenogorsk") + ","
                + city(4, "Zaysan") + "," + city(5, "Nur-Sultan") + "]}");
        Files.writeString(maps.resolve("alternate-names.csv"), "geonames_id,name,script\n"
                + "3,Усть-Каменогорск,cyrillic\n3,Өскемен,cyrillic\n3,Oskemen,latin\n");
        Files.writeString(maps.resolve("place-names.csv"), "geonames_id,source_name,name,name_alt,note\n"
                + "5,Nur-Sultan,Astana,Астана,\n");
        PlaceLanguages.main(new String[] {locale.toString(), maps.toString()});
        List<String> lines = Files.readAllLines(maps.resolve("place-languages.csv"));
        assertEquals(List.of(PlaceLanguages.HEADER,
                "1,Тараз,Тараз,geonames,as-russian",
                "2,Караганда,Қарағанды,geonames,transliterated",
                "3,Усть-Каменогорск,Өскемен,alternate,alternate",
                "4,Зайсан,Зайсан,transliterated,as-russian",
                "5,Астана,Астана,curated,as-russian"), lines);
    }

    private static String city(long id, String name) {
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[71,43]},"
                + "\"properties\":{\"name\":\"" + name + "\",\"geonames_id\":" + id + "}}";
    }

    /** A little-endian gettext catalogue of {@code entries}, with the empty header entry first. */
    private static byte[] mo(Map<String, String> entries) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("", "Content-Type: text/plain; charset=UTF-8\n");
        all.putAll(entries);
        List<byte[]> ids = new ArrayList<>();
        List<byte[]> strs = new ArrayList<>();
        all.forEach((k, v) -> {
            ids.add(k.getBytes(StandardCharsets.UTF_8));
            strs.add(v.getBytes(StandardCharsets.UTF_8));
        });
        int n = all.size();
        int tables = 28;
        int data = tables + 16 * n;
        ByteBuffer head = ByteBuffer.allocate(data).order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(0x950412de).putInt(0).putInt(n).putInt(tables).putInt(tables + 8 * n).putInt(0).putInt(0);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (List<byte[]> list : List.of(ids, strs)) {
            for (byte[] b : list) {
                head.putInt(b.length).putInt(data + body.size());
                body.writeBytes(b);
                body.write(0);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.array());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }
}
