package s3dx.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import s3dx.sweep.ShippedModels;

@Command(name = "ship-models", description = "Copy a sweep's preset models of one seed into a demo-model folder under their demo names and add their results to its index.json.")
public class ShipModelsCommand implements Callable<Integer> {
    @Option(names = "--sweep", paramLabel = "DIR", required = true, description = "the sweep folder (s3dx sweep --out)")
    Path sweep;

    @Option(names = "--seed", defaultValue = "0", description = "which seed's runs to ship (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--to", paramLabel = "DIR", defaultValue = "assets/models", description = "the demo-model folder (default ${DEFAULT-VALUE})")
    Path to;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(sweep.resolve("runs"))) throw new Main.UserError(sweep + " is not a sweep folder (no runs/ in it)");
        if (!Files.isDirectory(to)) throw new Main.UserError(to + ": no such folder");
        List<String> files = ShippedModels.ship(sweep, seed, to);
        System.out.println(files.isEmpty() ? "no finished preset runs of seed " + seed + " in " + sweep
                : "shipped " + String.join(", ", files) + " and updated " + to.resolve("index.json"));
        return files.isEmpty() ? 1 : 0;
    }
}
