package s3dx.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import s3dx.cost.CostFormat;
import s3dx.cost.CostReport;
import s3dx.net.Network;

@Command(name = "count", description = "Count params, MACs (FLOPs = 2 x MACs) and activation memory per layer of a design.")
public class CountCommand implements Callable<Integer> {
    @Mixin
    DesignOptions design;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "table", description = "table, csv, json or markdown (default ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() throws Exception {
        CostFormat f = Main.parseEnum(CostFormat.class, "--format", format);
        System.out.print(f.render(CostReport.of(Network.of(design.resolve()))));
        return 0;
    }
}
