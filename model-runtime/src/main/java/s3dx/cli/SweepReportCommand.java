package s3dx.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import s3dx.sweep.SweepReport;
import s3dx.sweep.SweepResults;

@Command(name = "sweep-report", description = {"Print a sweep's results as the README's markdown table (mean ± sd over seeds) and the paper's",
        "comparisons computed from them: gating, separable vs full 3D, top-heavy vs bottom-heavy at equal MACs."})
public class SweepReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RESULTS", defaultValue = "assets/models/sweep-results.json",
            description = "a sweep's results.json or the shipped copy (default ${DEFAULT-VALUE})")
    Path results;

    @Override
    public Integer call() throws Exception {
        System.out.print(SweepReport.markdown(SweepResults.readUserFile(results)));
        return 0;
    }
}
