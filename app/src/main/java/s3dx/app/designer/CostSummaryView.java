package s3dx.app.designer;

import static s3dx.app.i18n.I18n.t;

import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import s3dx.app.model.Baseline;
import s3dx.app.model.CostMetric;
import s3dx.app.model.DesignModel;
import s3dx.app.model.TrainedResults;
import s3dx.cost.CostFormat;
import s3dx.cost.CostReport;
import s3dx.net.Design;
import s3dx.net.DesignException;
import s3dx.net.Preset;
import s3dx.net.PresetMatch;
import s3dx.sweep.SweepResults;
import s3dx.app.ui.Fmt;

/**
 * The live totals: parameters, MACs or FLOPs, activation memory, each with its change against the pinned
 * baseline; the trained accuracy on MotionShapes where the shipped sweep has this design; and, for the paper's
 * reported designs, the published figures beside the computed ones.
 */
public final class CostSummaryView extends VBox {
    private static final javafx.css.PseudoClass BETTER = javafx.css.PseudoClass.getPseudoClass("better");
    private static final javafx.css.PseudoClass WORSE = javafx.css.PseudoClass.getPseudoClass("worse");

    private final DesignModel model;
    private final Label params = value("params-value");
    private final Label paramsSub = sub();
    private final Label paramsDelta = delta("params-delta");
    private final Label computeTitle = new Label();
    private final Label compute = value("compute-value");
    private final Label computeSub = sub();
    private final Label computeDelta = delta("compute-delta");
    private final Label memory = value("memory-value");
    private final Label memorySub = sub();
    private final Label memoryDelta = delta("memory-delta");
    private final Label accuracy = value("accuracy-value");
    private final Label accuracySub = sub();
    private final Label accuracyDelta = delta("accuracy-delta");
    private final TrainedResults trained;
    private final Label baselineName = new Label();
    private final VBox reported = new VBox(4);
    private final Label reportedParams = new Label();
    private final Label reportedCompute = new Label();
    private Optional<Preset> reportedFor;

    public CostSummaryView(DesignModel model, TrainedResults trained) {
        this.model = model;
        this.trained = trained;
        getStyleClass().add("summary");
        setSpacing(8);
        computeTitle.getStyleClass().add("metric-title");

        Button pin = new Button(t("summary.pin"));
        pin.setId("pin-baseline");
        pin.setTooltip(new Tooltip(t("summary.pin.tip")));
        pin.setOnAction(e -> model.pinBaseline());
        Button reset = new Button(t("summary.reset"));
        reset.setTooltip(new Tooltip(t("summary.reset.tip")));
        reset.setOnAction(e -> model.resetBaseline());
        baselineName.getStyleClass().add("baseline-name");
        baselineName.setId("baseline-name");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox baselineRow = new HBox(6, new Label(t("summary.vs")), baselineName, grow, pin, reset);
        baselineRow.setAlignment(Pos.CENTER_LEFT);
        baselineRow.getStyleClass().add("baseline-row");

        reported.getStyleClass().add("reported");
        getChildren().addAll(
                card(title(t("summary.params")), params, paramsSub, paramsDelta),
                card(computeTitle, compute, computeSub, computeDelta),
                card(title(t("summary.memory")), memory, memorySub, memoryDelta),
                accuracyCard(), baselineRow, reported);

        model.reportProperty().addListener((o, a, r) -> refresh());
        model.metricProperty().addListener((o, a, m) -> refresh());
        model.baselineProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        CostReport r = model.getReport();
        CostMetric m = model.getMetric();
        Design d = r.network().design();
        params.setText(CostFormat.count(r.params()));
        paramsSub.setText(Fmt.millions(r.params()));
        computeTitle.setText(m.label());
        compute.setText(Fmt.giga(m.of(r)).replace(" G", " G " + m.unit()));
        computeSub.setText(CostFormat.count(m.of(r)));
        memory.setText(CostFormat.bytes(r.activationBytes()));
        memorySub.setText(t("summary.bytes", CostFormat.count(r.activationBytes())));

        Baseline b = model.baselineProperty().get();
        baselineName.setText(b.preset() != null ? t("summary.sameClip", b.name()) : b.name());
        CostReport base = baselineReport(b, d);
        if (base == null) {
            for (Label l : new Label[]{paramsDelta, computeDelta, memoryDelta}) {
                l.setText(t("summary.baselineInvalid"));
                l.pseudoClassStateChanged(BETTER, false);
                l.pseudoClassStateChanged(WORSE, false);
            }
        } else {
            showDelta(paramsDelta, r.params(), base.params(), t("summary.deltaParams"));
            showDelta(computeDelta, m.of(r), m.of(base), m.unit());
            showDelta(memoryDelta, r.activationBytes(), base.activationBytes(), t("summary.deltaMemory"));
        }
        showAccuracy(d, base);
        showReported(PresetMatch.of(d).map(PresetMatch::preset), r, m);
    }

    private static CostReport baselineReport(Baseline b, Design current) {
        try {
            return CostReport.of(b.designFor(current));
        } catch (DesignException e) {
            return null;
        }
    }

    private void showDelta(Label l, long value, long base, String what) {
        String text = Fmt.delta(value, base);
        l.setText(text + " " + what);
        l.pseudoClassStateChanged(BETTER, value < base);
        l.pseudoClassStateChanged(WORSE, value > base);
    }

    private VBox accuracyCard() {
        VBox card = card(title(t("trained.card")), accuracy, accuracySub, accuracyDelta);
        card.setId("accuracy-card");
        trained.protocol().ifPresent(p -> Tooltip.install(card, new Tooltip(t("trained.cardTip", String.format(Locale.ROOT,
                "%d steps × %d clips, %d×%d×%d, width %s, MotionShapes generator %d", p.steps(), p.batch(), p.frames(), p.size(), p.size(),
                p.width(), p.generator())))));
        return card;
    }

    /** This design's trained accuracy, and its change in percentage points against the baseline where both have one. */
    private void showAccuracy(Design d, CostReport base) {
        var mine = trained.of(d);
        accuracy.setText(mine.map(s -> Fmt.percent(s.heldOutAccuracy().mean())).orElse("\u2014"));
        accuracySub.setText(mine.map(s -> s.seeds() > 1 ? t("trained.cardSeeds", 100 * s.heldOutAccuracy().sd(), s.seeds())
                : t("trained.cardOne")).orElse(t("trained.cardNone")));
        accuracyDelta.setText("");
        accuracyDelta.pseudoClassStateChanged(BETTER, false);
        accuracyDelta.pseudoClassStateChanged(WORSE, false);
        Optional<SweepResults.DesignSummary> theirs = base == null ? Optional.empty() : trained.of(base.network().design());
        if (mine.isEmpty() || theirs.isEmpty()) return;
        double points = mine.get().heldOutAccuracy().mean() - theirs.get().heldOutAccuracy().mean();
        accuracyDelta.setText(Fmt.points(points));
        accuracyDelta.pseudoClassStateChanged(BETTER, points > 0);
        accuracyDelta.pseudoClassStateChanged(WORSE, points < 0);
    }

    private void showReported(Optional<Preset> match, CostReport r, CostMetric m) {
        reportedParams.setText(Fmt.millions(r.params()));
        reportedCompute.setText(Fmt.giga(m.of(r)) + " " + m.unit());
        if (match.equals(reportedFor)) return;
        reportedFor = match;
        Label head = new Label(t("summary.reported"));
        head.getStyleClass().add("section-title");
        Preset.PaperFigures f = match.map(Preset::reported).orElse(null);
        if (f == null) {
            Label none = new Label(t("summary.reported.none") + " "
                    + match.map(p -> t("summary.reported.hasNone", p.displayName())).orElse(t("summary.reported.notOne")));
            none.setWrapText(true);
            none.getStyleClass().add("hint");
            reported.getChildren().setAll(head, none);
            return;
        }
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(3);
        g.getStyleClass().add("reported-grid");
        g.addRow(0, new Label(match.get().displayName()), colHead(t("summary.computed")), colHead(t("summary.reportedCol")));
        g.addRow(1, new Label(t("summary.paramsRow")), reportedParams,
                new Label(String.format(Locale.ROOT, "%.2f M", f.paramsMillions())));
        g.addRow(2, new Label(t("summary.computeRow")), reportedCompute,
                new Label(String.format(Locale.ROOT, "%.2f GFLOPs", f.gflops())));
        g.addRow(3, new Label(t("summary.top1Row")), new Label("\u2014"),
                new Label(String.format(Locale.ROOT, "%.1f%%", f.kineticsTop1())));
        g.setId("reported-grid");
        Label note = new Label(t("summary.note"));
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        reported.getChildren().setAll(head, g, note);
    }

    private static Label colHead(String s) {
        return Fmt.styled(s, "col-head");
    }

    private static VBox card(Label title, Label value, Label sub, Label delta) {
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bottom = new HBox(6, sub, grow, delta);
        bottom.setAlignment(Pos.BASELINE_LEFT);
        VBox card = new VBox(2, title, value, bottom);
        card.getStyleClass().add("metric-card");
        return card;
    }

    private static Label title(String s) {
        return Fmt.styled(s, "metric-title");
    }

    private static Label value(String id) {
        Label l = Fmt.styled(null, "metric-value");
        l.setId(id);
        return l;
    }

    private static Label sub() {
        return Fmt.styled(null, "metric-sub");
    }

    private static Label delta(String id) {
        Label l = Fmt.styled(null, "metric-delta");
        l.setId(id);
        return l;
    }
}
