package kz.incidentmap.osm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The node coordinate file: every node found again, through a cache smaller than the file. */
class NodeCoordinatesTest {

    private static double lon(long id) {
        return 46 + (id % 400_000) / 10_000.0;
    }

    private static double lat(long id) {
        return 40 + (id % 150_000) / 10_000.0;
    }

    @Test
    void moreNodesThanTheCacheHoldsAreAllFoundInAnyOrder() throws Exception {
        // 4.5 million nodes: more blocks than the cache has slots, so blocks are read, dropped and read again.
        int n = 4_500_000;
        try (NodeCoordinates nodes = new NodeCoordinates()) {
            for (long i = 0; i < n; i++) {
                nodes.add(3 * i + 7, lon(3 * i + 7), lat(3 * i + 7));
            }
            Random random = new Random(11);
            double[] out = new double[2];
            for (int q = 0; q < 200_000; q++) {
                long id = 3L * random.nextInt(n) + 7;
                assertTrue(nodes.find(id, out), "node " + id);
                assertArrayEquals(new double[] {lon(id), lat(id)}, out, 1e-7, "node " + id);
                assertFalse(nodes.find(id + 1, out), "no node " + (id + 1));
            }
            assertFalse(nodes.find(1, out), "below the first id");
            assertFalse(nodes.find(3L * n + 7, out), "above the last id");
        }
    }

    @Test
    void unsortedNodesAndNodesAfterALookupAreFoundToo() throws Exception {
        try (NodeCoordinates nodes = new NodeCoordinates()) {
            for (long id : new long[] {50, 10, 30, 20, 40}) {
                nodes.add(id, lon(id), lat(id));
            }
            double[] out = new double[2];
            assertTrue(nodes.find(10, out));
            assertArrayEquals(new double[] {lon(10), lat(10)}, out, 1e-7);
            nodes.add(5, lon(5), lat(5));
            assertTrue(nodes.find(5, out), "a node added after a lookup");
            assertArrayEquals(new double[] {lon(5), lat(5)}, out, 1e-7);
            assertTrue(nodes.find(50, out));
            assertArrayEquals(new double[] {lon(50), lat(50)}, out, 1e-7);
            assertFalse(nodes.find(25, out));
        }
    }

    @Test
    void tooManyUnsortedNodesAreRefusedWithAWayOut() throws Exception {
        try (NodeCoordinates nodes = new NodeCoordinates()) {
            nodes.add(NodeCoordinates.MAX_UNSORTED + 10L, 0, 0);
            for (long i = 0; i < NodeCoordinates.MAX_UNSORTED; i++) {
                nodes.add(i, 0, 0);
            }
            OsmFormatException e = assertThrows(OsmFormatException.class, () -> nodes.find(3, new double[2]));
            assertTrue(e.getMessage().contains("osmium sort"), e.getMessage());
        }
    }
}
