package s3dx.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The options are read before JavaFX starts: help without a window, one line when there is no display. */
class LauncherTest {
    @Test
    void helpListsTheOptionsWithoutStartingJavaFx() {
        StringWriter out = new StringWriter();
        int status = new CommandLine(new Launcher()).setOut(new PrintWriter(out)).execute("--help");
        assertEquals(0, status);
        for (String o : new String[]{"--self-test", "--startup-report", "FILE", "xvfb-run -a ./s3dx-app"}) {
            assertTrue(out.toString().contains(o), o + " in\n" + out);
        }
    }

    @Test
    void noDisplayNamesTheFix() {
        String line = Launcher.missingDisplay("Linux", null, "", null);
        assertTrue(line.contains("xvfb-run -a ./s3dx-app") && !line.contains("\n"), line);
        assertNull(Launcher.missingDisplay("Linux", ":99", null, null));
        assertNull(Launcher.missingDisplay("Linux", null, "wayland-0", null));
        assertNull(Launcher.missingDisplay("Linux", null, null, "Monocle"));
        assertNull(Launcher.missingDisplay("Windows 11", null, null, null));
    }
}
