package s3dx.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import s3dx.cost.CostFormat;
import s3dx.cost.CostReport;
import s3dx.net.Preset;

@Command(name = "presets", description = "List the paper's variants with their computed costs (64x224x224, 400 classes).")
public class PresetsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        for (Preset p : Preset.values()) {
            CostReport r = CostReport.of(p.design());
            System.out.printf("%-17s %10s params  %10s MACs  %s%n", p.id(), CostFormat.count(r.params()),
                    CostFormat.giga(r.macs()), p.summary());
        }
        return 0;
    }
}
