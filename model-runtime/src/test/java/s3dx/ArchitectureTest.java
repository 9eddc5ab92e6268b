package s3dx;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The library's packages (net, cost, onnx, video, synth, train, cli, ...) depend on each other without a cycle. */
@AnalyzeClasses(packages = "s3dx", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("s3dx.(*)..").should().beFreeOfCycles();
}
