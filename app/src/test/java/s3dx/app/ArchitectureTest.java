package s3dx.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The app's packages, as ARCHITECTURE.md draws them: the shell (window, menus, status) puts the views together;
 * each view (designer, player, classroom) uses the shared layers (ui, model, video, jobs, export, files, i18n)
 * but never another view; the shared layers use no view; and no package depends on another in a circle.
 */
@AnalyzeClasses(packages = "s3dx.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final List<String> VIEWS = List.of("designer", "player", "classroom");
    static final String[] SHARED = {"s3dx.app.ui..", "s3dx.app.model..", "s3dx.app.video..", "s3dx.app.jobs..",
            "s3dx.app.export..", "s3dx.app.files..", "s3dx.app.i18n.."};

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("s3dx.app.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noViewReachesIntoAnother = CompositeArchRule.of(VIEWS.stream()
            .map(v -> noClasses().that().resideInAPackage("s3dx.app." + v + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(VIEWS.stream().filter(o -> !o.equals(v))
                            .map(o -> "s3dx.app." + o + "..").toArray(String[]::new))
                    .as("the " + v + " uses no other view"))
            .map(ArchRule.class::cast).toList());

    @ArchTest
    static final ArchRule viewsUseNoShell = noClasses().that().resideInAnyPackage(VIEWS.stream().map(v -> "s3dx.app." + v + "..").toArray(String[]::new))
            .should().dependOnClassesThat().resideInAPackage("s3dx.app.shell..");

    @ArchTest
    static final ArchRule sharedLayersUseNoView = noClasses().that().resideInAnyPackage(SHARED)
            .should().dependOnClassesThat().resideInAnyPackage("s3dx.app.shell..", "s3dx.app.designer..", "s3dx.app.player..", "s3dx.app.classroom..");

    @ArchTest
    static final ArchRule onlyTheStartUsesTheRootPackage = noClasses().that().resideOutsideOfPackage("s3dx.app")
            .should().dependOnClassesThat().resideInAPackage("s3dx.app");
}
