package s3dx.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
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

    /** The build runs tests with app/src/main/jvm/linux.options, as the launchers do: heavy work is at nice 19. */
    @Test
    void onLinuxHeavyWorkersRunAtNice19() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        assertEquals(19, Workers.heavyNice().orElseThrow());
    }
}
