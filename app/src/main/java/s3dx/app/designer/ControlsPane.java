package s3dx.app.designer;

import static s3dx.app.i18n.I18n.t;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import s3dx.app.model.DesignModel;
import s3dx.app.model.Presets;
import s3dx.app.model.Problem;
import s3dx.app.model.TrainedResults;
import s3dx.net.Block;
import s3dx.net.Design;
import s3dx.net.Preset;
import s3dx.net.PresetMatch;
import s3dx.sweep.SweepResults;
import s3dx.app.ui.Fmt;

/**
 * The design's knobs: preset, clip (frames x height x width), classes, width multiplier, first temporal
 * kernel and gating for all blocks. A rejected value stays in its control with the reason beside it;
 * the counts stay at the last valid design.
 */
public final class ControlsPane extends VBox {
    private final DesignModel model;
    private final ComboBox<Preset> preset = new ComboBox<>();
    private final Spinner<Integer> frames = intSpinner("frames", 1, 4096);
    private final Spinner<Integer> height = intSpinner("height", 1, 4096);
    private final Spinner<Integer> width = intSpinner("width", 1, 4096);
    private final Spinner<Integer> classes = intSpinner("classes", 1, 1_000_000);
    private final Spinner<Double> widthMultiplier = new Spinner<>();
    private final ChoiceBox<Integer> firstKernel = new ChoiceBox<>();
    private final CheckBox gateAll = new CheckBox(t("controls.gateAll"));
    private final TrainedResults trained;
    private boolean syncing;

    public ControlsPane(DesignModel model, TrainedResults trained) {
        this.model = model;
        this.trained = trained;
        getStyleClass().add("controls");
        setSpacing(8);

        preset.getItems().setAll(Preset.values());
        preset.setId("preset");
        preset.setPromptText(t("design.customTitle"));
        preset.setMaxWidth(Double.MAX_VALUE);
        preset.setCellFactory(l -> new PresetCell(true));
        preset.setButtonCell(new PresetCell(false));
        preset.setOnAction(e -> {
            Preset p = preset.getValue();
            if (!syncing && p != null) model.edit(d -> Presets.applyTo(p, d));
        });

        SpinnerValueFactory.DoubleSpinnerValueFactory wf = new SpinnerValueFactory.DoubleSpinnerValueFactory(0.125, 4, 1, 0.125);
        wf.setConverter(new SafeConverter<>(v -> String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", ""),
                Double::parseDouble, wf::getValue));
        widthMultiplier.setValueFactory(wf);
        widthMultiplier.setEditable(true);
        widthMultiplier.setId("widthMultiplier");
        widthMultiplier.setMaxWidth(Double.MAX_VALUE);
        firstKernel.getItems().setAll(1, 3, 5, 7);
        firstKernel.setId("firstTemporalKernel");
        gateAll.setId("gate-all");
        gateAll.setAllowIndeterminate(false);

        GridPane clip = grid();
        clip.addRow(0, caption(t("controls.frames")), frames);
        clip.addRow(1, caption(t("controls.height")), height);
        clip.addRow(2, caption(t("controls.width")), width);
        GridPane model2 = grid();
        model2.addRow(0, caption(t("controls.classes")), classes);
        model2.addRow(1, caption(t("controls.widthMultiplier")), widthMultiplier);
        model2.addRow(2, caption(t("controls.firstKt")), firstKernel);
        Tooltip.install(firstKernel, new Tooltip(t("controls.firstKt.tip")));
        Tooltip.install(widthMultiplier, new Tooltip(t("controls.widthMultiplier.tip")));

        getChildren().addAll(
                section(t("controls.preset")), preset,
                section(t("controls.inputClip")), clip, error("clip-error", "frames", "height", "width"),
                section(t("controls.network")), model2, error("network-error", "classes", "widthMultiplier", "firstTemporalKernel"),
                gateAll);

        frames.valueProperty().addListener((o, a, v) -> commit(d -> d.withClip(v, d.height(), d.width())));
        height.valueProperty().addListener((o, a, v) -> commit(d -> d.withClip(d.frames(), v, d.width())));
        width.valueProperty().addListener((o, a, v) -> commit(d -> d.withClip(d.frames(), d.height(), v)));
        classes.valueProperty().addListener((o, a, v) -> commit(d -> d.withClasses(v)));
        widthMultiplier.valueProperty().addListener((o, a, v) -> commit(d -> d.withWidthMultiplier(v)));
        firstKernel.valueProperty().addListener((o, a, v) -> {
            if (v != null) commit(d -> d.withFirstTemporalKernel(v));
        });
        gateAll.setOnAction(e -> model.edit(d -> d.withAllGated(gateAll.isSelected())));

        model.designProperty().addListener((o, a, d) -> sync(d));
        sync(model.getDesign());
    }

    private void commit(java.util.function.UnaryOperator<Design> change) {
        if (!syncing) model.edit(change);
    }

    private void sync(Design d) {
        syncing = true;
        try {
            preset.setValue(PresetMatch.of(d).map(PresetMatch::preset).orElse(null));
            frames.getValueFactory().setValue(d.frames());
            height.getValueFactory().setValue(d.height());
            width.getValueFactory().setValue(d.width());
            classes.getValueFactory().setValue(d.classes());
            widthMultiplier.getValueFactory().setValue(d.widthMultiplier());
            firstKernel.setValue(d.firstTemporalKernel());
            long gated = Block.TOGGLEABLE.stream().filter(b -> b.isGateable() && d.setting(b).gated()).count();
            long gateable = Block.TOGGLEABLE.stream().filter(Block::isGateable).count();
            gateAll.setIndeterminate(gated > 0 && gated < gateable);
            gateAll.setSelected(gated == gateable);
        } finally {
            syncing = false;
        }
    }

    private Label error(String id, String... fields) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("inline-error");
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.managedProperty().bind(l.visibleProperty());
        l.setVisible(false);
        model.problemProperty().addListener((o, a, p) -> show(l, p, fields));
        return l;
    }

    private static void show(Label l, Problem p, String... fields) {
        boolean mine = p != null && p.concerns(fields);
        l.setVisible(mine);
        l.setText(mine ? "\u26a0 " + describe(p) : "");
    }

    /** The problem in the UI's language where the library gives its parts (a clip too small), else as given. */
    static String describe(Problem p) {
        if (p.cause() instanceof s3dx.net.ClipTooSmallException c) {
            String what = t("controls." + c.field());
            return c.minimum() > 0 ? t("problem.clipTooSmall", what, c.value(), c.layer(), c.produced(), c.minimum())
                    : t("problem.clipTooSmallNoMinimum", what, c.value(), c.layer(), c.produced());
        }
        return p.field() + ": " + p.message();
    }

    private static Label section(String text) {
        return Fmt.styled(text, "section-title");
    }

    private static Label caption(String text) {
        return Fmt.styled(text, "caption");
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        ColumnConstraints c0 = new ColumnConstraints(70);
        c0.setHalignment(HPos.LEFT);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        c1.setFillWidth(true);
        g.getColumnConstraints().addAll(c0, c1);
        g.setPadding(new Insets(0, 0, 0, 2));
        return g;
    }

    private static Spinner<Integer> intSpinner(String id, int min, int max) {
        Spinner<Integer> s = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, min);
        f.setConverter(new SafeConverter<>(String::valueOf, t -> Integer.parseInt(t.trim()), f::getValue));
        s.setValueFactory(f);
        s.setEditable(true);
        s.setId(id);
        s.setMaxWidth(Double.MAX_VALUE);
        return s;
    }

    /** Spinner text conversion that keeps the last value when the text is not a number, instead of throwing. */
    private static final class SafeConverter<T> extends StringConverter<T> {
        private final Function<T, String> format;
        private final Function<String, T> parse;
        private final java.util.function.Supplier<T> current;

        SafeConverter(Function<T, String> format, Function<String, T> parse, java.util.function.Supplier<T> current) {
            this.format = format;
            this.parse = parse;
            this.current = current;
        }

        @Override
        public String toString(T v) {
            return v == null ? "" : format.apply(v);
        }

        @Override
        public T fromString(String s) {
            try {
                return parse.apply(s);
            } catch (RuntimeException e) {
                return current.get();
            }
        }
    }

    /** A preset by name; in the drop-down list also its held-out accuracy on MotionShapes, where it was trained. */
    private final class PresetCell extends ListCell<Preset> {
        private final boolean listed;
        private final Label accuracy = new Label();

        PresetCell(boolean listed) {
            this.listed = listed;
            accuracy.getStyleClass().add("preset-accuracy");
            setContentDisplay(ContentDisplay.RIGHT);
            setGraphicTextGap(12);
        }

        @Override
        protected void updateItem(Preset p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty || p == null ? t("design.customTitle") : p.displayName());
            setTooltip(empty || p == null ? null : new Tooltip(t("preset.summary." + p.name()) + "\n" + trained.sentence(p.design())));
            var result = empty || p == null || !listed ? Optional.<SweepResults.DesignSummary>empty() : trained.of(p.design());
            accuracy.setText(result.map(r -> Fmt.percent(r.heldOutAccuracy().mean())).orElse(""));
            setGraphic(result.isPresent() ? accuracy : null);
        }
    }
}
