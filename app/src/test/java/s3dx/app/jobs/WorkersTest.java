package s3dx.app.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkersTest {
    @Test
    void workersAreDaemonsAndHeavyOnesHaveTheLowestPriority() throws Exception {
        ExecutorService heavy = Workers.single("t-heavy", Workers.Load.HEAVY), light = Workers.single("t-light", Workers.Load.LIGHT);
        try {
            Future<Thread> h = heavy.submit(Thread::currentThread), l = light.submit(Thread::currentThread);
            assertTrue(h.get().isDaemon() && l.get().isDaemon());
            assertEquals(Thread.MIN_PRIORITY, h.get().getPriority());
            assertEquals(Thread.NORM_PRIORITY, l.get().getPriority());
            assertEquals("t-heavy", h.get().getName());
        } finally {
            heavy.shutdown();
            light.shutdown();
        }
    }

    /**
     * A JVM started with the launchers' options (app/src/main/jvm/linux.options) runs heavy work at nice 19; one
     * without runs it at the niceness of light work (whatever the build itself was started at: `nice mvn` too).
     */
    @Test
    void theLaunchersLinuxOptionsPutHeavyWorkersAtNice19() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        String with = nicesInJvm("@" + Path.of("src/main/jvm/linux.options").toAbsolutePath());
        assertTrue(with.startsWith("heavy 19 light "), with);
        String without = nicesInJvm("-Dnone=1");
        String[] n = without.split(" ");
        assertTrue(n.length == 4 && n[1].equals(n[3]) && Math.abs(Integer.parseInt(n[1])) <= 20, "without the options Java priorities are ignored: " + without);
    }

    private static String nicesInJvm(String option) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), option,
                "-cp", System.getProperty("java.class.path"), Probe.class.getName()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe JVM did not finish");
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    /** Prints the niceness of a heavy and of a light worker in this JVM: "heavy H light L". */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            System.out.println("heavy " + Workers.nice(Workers.Load.HEAVY).orElse(Integer.MIN_VALUE)
                    + " light " + Workers.nice(Workers.Load.LIGHT).orElse(Integer.MIN_VALUE));
        }
    }
}
