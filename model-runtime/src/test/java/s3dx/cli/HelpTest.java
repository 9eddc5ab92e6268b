package s3dx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** "s3dx COMMAND --help" lists that command's options, as the README and every error message promise. */
class HelpTest {
    @Test
    void everyCommandTakesHelp() {
        for (String name : Main.commandLine().getSubcommands().keySet()) {
            CliRun r = CliRun.of(name, "--help");
            assertEquals(0, r.exit(), name + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: s3dx " + name), name + ": " + r.out());
        }
        assertTrue(CliRun.of("train", "--help").out().contains("--lr=RATE"));
    }
}
