package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChildJvmTest {

    @Test
    void childrenGetTheClassDataArchiveAndNothingElse() {
        List<String> launcher = List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-Xmx2g",
                "-XX:SharedArchiveFile=/opt/kim/kz-incident-map.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-Xshare:auto", "-Djava.awt.headless=true", "-XX:ArchiveClassesAtExit=/tmp/a.jsa");

        assertEquals(List.of("-XX:SharedArchiveFile=/opt/kim/kz-incident-map.jsa", "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-Xshare:auto"), ChildJvm.classDataOptions(launcher));
    }

    @Test
    void aPlainJvmPassesNothingOn() {
        assertEquals(List.of(), ChildJvm.classDataOptions(List.of("-Xmx2g", "-Dfile.encoding=UTF-8")));
    }
}
