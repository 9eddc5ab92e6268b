package s3dx.app.shell;

import static s3dx.app.i18n.I18n.t;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import org.controlsfx.control.SegmentedButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import s3dx.app.export.ExportTask;
import s3dx.app.export.ImageExport;
import s3dx.app.export.ModelExporter;
import s3dx.app.export.TableExport;
import s3dx.app.files.RecentFiles;
import s3dx.app.model.CostMetric;
import s3dx.app.model.DesignModel;
import s3dx.app.model.Presets;
import s3dx.app.i18n.ErrorText;
import s3dx.app.ui.ProblemDialog;
import javafx.concurrent.Task;
import s3dx.net.Design;
import s3dx.cost.CostFormat;
import s3dx.design.DesignFileException;
import s3dx.design.DesignJson;
import s3dx.net.Preset;
import s3dx.app.designer.ArchitectureView;
import s3dx.app.designer.Brush;

/** The window's commands (files, edit, design, view, export) as menus, a toolbar and keyboard shortcuts. */
final class AppActions {
    private final Stage stage;
    private final DesignModel model;
    private final RecentFiles recent;
    private final ArchitectureView architecture;
    private final StatusBar status;
    private final ModelExporter onnx;
    private final Runnable quit;
    private final ToggleGroup brushes = new ToggleGroup();
    private final ToggleGroup metrics = new ToggleGroup();

    AppActions(Stage stage, DesignModel model, RecentFiles recent, ArchitectureView architecture, StatusBar status,
               ModelExporter onnx, Runnable quit) {
        this.quit = quit;
        this.stage = stage;
        this.model = model;
        this.recent = recent;
        this.architecture = architecture;
        this.status = status;
        this.onnx = onnx;
    }

    // ---- menus ----

    /** The menus; {@code playerItems} (open video, demo clips, recent videos, open model) go in File below the designs. */
    MenuBar menuBar(List<MenuItem> playerItems) {
        Menu file = new Menu(t("menu.file"));
        Menu openRecent = new Menu(t("menu.file.recent"));
        file.setOnShowing(e -> fillRecent(openRecent));
        fillRecent(openRecent);
        Menu export = new Menu(t("menu.file.export"));
        MenuItem onnxItem = item(onnx.available() ? onnx.name() + "…" : t("menu.export.onnxMissing", onnx.name()), "Shortcut+E", this::exportModel);
        onnxItem.setDisable(!onnx.available());
        export.getItems().addAll(
                item(t("menu.export.csv"), null, () -> exportTable(CostFormat.CSV, "csv")),
                item(t("menu.export.md"), null, () -> exportTable(CostFormat.MARKDOWN, "md")),
                item(t("menu.export.png"), "Shortcut+Shift+P", this::exportDiagram),
                new SeparatorMenuItem(), onnxItem);
        file.getItems().addAll(
                item(t("menu.file.new"), "Shortcut+N", this::newDesign),
                item(t("menu.file.open"), "Shortcut+O", this::open),
                openRecent,
                new SeparatorMenuItem());
        file.getItems().addAll(playerItems);
        file.getItems().addAll(
                new SeparatorMenuItem(),
                item(t("menu.file.save"), "Shortcut+S", this::save),
                item(t("menu.file.saveAs"), "Shortcut+Shift+S", this::saveAs),
                new SeparatorMenuItem(), export,
                new SeparatorMenuItem(),
                item(t("menu.file.quit"), "Shortcut+Q", quit));

        MenuItem undo = item(t("menu.edit.undo"), "Shortcut+Z", model::undo);
        undo.disableProperty().bind(model.canUndoProperty().not());
        MenuItem redo = item(t("menu.edit.redo"), "Shortcut+Shift+Z", model::redo);
        redo.disableProperty().bind(model.canRedoProperty().not());
        Menu edit = new Menu(t("menu.edit"), null, undo, redo);

        Menu presets = new Menu(t("menu.design.presets"));
        for (Preset p : Preset.values()) {
            MenuItem it = item(p.displayName(), null, () -> model.edit(d -> Presets.applyTo(p, d)));
            presets.getItems().add(it);
        }
        Menu brush = new Menu(t("menu.design.brush"));
        int key = 0;
        for (Brush b : Brush.values()) {
            RadioMenuItem it = new RadioMenuItem(b.label());
            it.setAccelerator(KeyCombination.keyCombination("Shortcut+" + key++));
            it.setOnAction(e -> architecture.brushProperty().set(b));
            it.selectedProperty().bind(architecture.brushProperty().isEqualTo(b));
            brush.getItems().add(it);
        }
        Menu design = new Menu(t("menu.design"), null, presets, brush, new SeparatorMenuItem(),
                item(t("menu.design.gateAll"), "Shortcut+G", () -> model.edit(d -> d.withAllGated(true))),
                item(t("menu.design.gateNone"), "Shortcut+Shift+G", () -> model.edit(d -> d.withAllGated(false))),
                new SeparatorMenuItem(),
                item(t("menu.design.pin"), "Shortcut+B", model::pinBaseline),
                item(t("menu.design.baselineI3d"), null, model::resetBaseline));

        Menu view = new Menu(t("menu.view"));
        for (CostMetric m : CostMetric.values()) {
            CheckMenuItem it = new CheckMenuItem(m.label());
            it.selectedProperty().bind(model.metricProperty().isEqualTo(m));
            it.setOnAction(e -> model.metricProperty().set(m));
            view.getItems().add(it);
        }
        view.getItems().add(item(t("menu.view.switchMetric"), "Shortcut+M", () ->
                model.metricProperty().set(model.getMetric() == CostMetric.MACS ? CostMetric.FLOPS : CostMetric.MACS)));
        MenuBar bar = new MenuBar(file, edit, design, view);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private void fillRecent(Menu menu) {
        List<Path> files = recent.list();
        menu.getItems().clear();
        for (Path p : files) menu.getItems().add(item(p.getFileName() + "  —  " + p.getParent(), null, () -> open(p)));
        if (files.isEmpty()) {
            MenuItem none = new MenuItem(t("menu.file.recent.none"));
            none.setDisable(true);
            menu.getItems().add(none);
        }
    }

    // ---- toolbar ----

    ToolBar toolBar() {
        Button undo = button(t("toolbar.undo"), t("toolbar.undo.tip"), model::undo);
        undo.setId("undo");
        undo.disableProperty().bind(model.canUndoProperty().not());
        Button redo = button(t("toolbar.redo"), t("toolbar.redo.tip"), model::redo);
        redo.setId("redo");
        redo.disableProperty().bind(model.canRedoProperty().not());

        SegmentedButton palette = new SegmentedButton();
        palette.setToggleGroup(brushes);
        palette.getStyleClass().add("segmented");
        for (Brush b : Brush.values()) {
            ToggleButton t = new ToggleButton(b.label());
            t.setId("brush-" + b.name());
            t.setToggleGroup(brushes);   // now, not when the skin comes: the selection below needs the group
            t.setUserData(b);
            t.getStyleClass().add("brush-" + b.name().toLowerCase());
            t.setTooltip(new Tooltip(b.help()));
            palette.getButtons().add(t);
        }
        brushes.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) a.setSelected(true);
            else architecture.brushProperty().set((Brush) t.getUserData());
        });
        architecture.brushProperty().addListener((o, a, b) -> selectBrush(b));
        selectBrush(architecture.brushProperty().get());

        SegmentedButton metric = new SegmentedButton();
        metric.setToggleGroup(metrics);
        metric.getStyleClass().add("segmented");
        for (CostMetric m : CostMetric.values()) {
            ToggleButton t = new ToggleButton(m.label());
            t.setId("metric-" + m.name());
            t.setToggleGroup(metrics);
            t.setUserData(m);
            metric.getButtons().add(t);
        }
        metrics.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) a.setSelected(true);
            else model.metricProperty().set((CostMetric) t.getUserData());
        });
        model.metricProperty().addListener((o, a, m) -> selectMetric(m));
        selectMetric(model.getMetric());

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label brushLabel = new Label(t("toolbar.brush"));
        brushLabel.getStyleClass().add("toolbar-label");
        Label countLabel = new Label(t("toolbar.count"));
        countLabel.getStyleClass().add("toolbar-label");
        return new ToolBar(
                button(t("toolbar.new"), t("toolbar.new.tip"), this::newDesign),
                button(t("toolbar.open"), t("toolbar.open.tip"), this::open),
                button(t("toolbar.save"), t("toolbar.save.tip"), this::save),
                new Separator(), undo, redo, new Separator(),
                brushLabel, palette, new Separator(),
                button(t("toolbar.gateAll"), t("toolbar.gateAll.tip"), () -> model.edit(d -> d.withAllGated(true))),
                button(t("toolbar.gateNone"), t("toolbar.gateNone.tip"), () -> model.edit(d -> d.withAllGated(false))),
                grow, countLabel, metric);
    }

    private void selectBrush(Brush b) {
        brushes.getToggles().stream().filter(t -> t.getUserData() == b).findFirst().ifPresent(t -> t.setSelected(true));
    }

    private void selectMetric(CostMetric m) {
        metrics.getToggles().stream().filter(t -> t.getUserData() == m).findFirst().ifPresent(t -> t.setSelected(true));
    }

    // ---- file commands ----

    void newDesign() {
        if (confirmDiscard()) model.newDesign();
    }

    void open() {
        File f = designChooser(t("dialog.openDesign")).showOpenDialog(stage);
        if (f != null) open(f.toPath());
    }

    /**
     * Reads the design file off the FX thread (a slow or hostile file never freezes the window), then, once unsaved
     * changes are saved or given up, makes it the design; a file that cannot be used leaves the design as it was and says why in a dialog.
     */
    void open(Path p) {
        Task<Design> read = new Task<>() {
            @Override
            protected Design call() throws DesignFileException {
                updateMessage(t("status.opening", p.getFileName()));
                return DesignModel.read(p);
            }
        };
        read.setOnSucceeded(e -> {
            if (!confirmDiscard()) return;   // asked once the file is known to be good: a bad one costs nothing
            model.opened(p, read.getValue());
            recent.add(p);
            status.say(t("status.opened", p.getFileName()));
        });
        read.setOnFailed(e -> {
            recent.remove(p);
            problem(t("error.open"), ErrorText.of(read.getException()));
        });
        // the handlers above word the outcome: they run after the job line has let go of the text
        status.run(read, "s3dx-open-design", d -> null, t("status.openCancelled"), err -> null);
    }

    /** Saves to the current file, or asks for one; false when the user cancelled or it failed. */
    boolean save() {
        if (model.getFile() == null) return saveAs();
        try {
            model.save();
            recent.add(model.getFile());
            status.say(t("status.saved", model.getFile().getFileName()));
            return true;
        } catch (IOException e) {
            problem(t("error.save"), model.getFile() + ": " + e.getMessage());
            return false;
        }
    }

    boolean saveAs() {
        FileChooser fc = designChooser(t("dialog.saveDesignAs"));
        fc.setInitialFileName(model.getFile() == null ? "design" + DesignJson.EXTENSION : model.getFile().getFileName().toString());
        File f = fc.showSaveDialog(stage);
        if (f == null) return false;
        try {
            Path p = model.saveAs(f.toPath());
            recent.add(p);
            status.say(t("status.saved", p.getFileName()));
            return true;
        } catch (IOException e) {
            problem(t("error.save"), f + ": " + e.getMessage());
            return false;
        }
    }

    /** True when there is nothing unsaved, or the user saved or chose to discard it. */
    boolean confirmDiscard() {
        if (!model.isDirty()) return true;
        ButtonType save = new ButtonType(t("dialog.unsaved.save"));
        ButtonType discard = new ButtonType(t("dialog.unsaved.discard"));
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, t("dialog.unsaved.text"), save, discard, ButtonType.CANCEL);
        a.setHeaderText(t("dialog.unsaved.header"));
        a.initOwner(stage);
        ButtonType answer = a.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == save) return save();
        return answer == discard;
    }

    private FileChooser designChooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(t("dialog.designFilter", DesignJson.EXTENSION),
                "*" + DesignJson.EXTENSION));
        if (model.getFile() != null && model.getFile().getParent() != null) fc.setInitialDirectory(model.getFile().getParent().toFile());
        return fc;
    }

    // ---- exports ----

    private void exportTable(CostFormat format, String ext) {
        File f = chooser(t("dialog.exportTable"), ext, "layers." + ext).showSaveDialog(stage);
        if (f == null) return;
        try {
            TableExport.write(model.getReport(), format, f.toPath());
            status.say(t("status.exportedTable", f.getName()));
        } catch (IOException e) {
            problem(t("error.exportTable"), f + ": " + e.getMessage());
        }
    }

    private void exportDiagram() {
        File f = chooser(t("dialog.exportDiagram"), "png", "architecture.png").showSaveDialog(stage);
        if (f == null) return;
        try {
            ImageExport.writePng(diagramNode(), f.toPath());
            status.say(t("status.exportedDiagram", f.getName()));
        } catch (IOException e) {
            problem(t("error.exportDiagram"), f + ": " + e.getMessage());
        }
    }

    private Node diagramNode() {
        return architecture.getParent() != null ? architecture.getParent() : architecture;
    }

    private void exportModel() {
        if (!onnx.available()) return;
        File f = chooser(t("dialog.exportModel", onnx.name()), onnx.extension(), "model." + onnx.extension()).showSaveDialog(stage);
        if (f == null) return;
        status.run(new ExportTask(onnx, model.getDesign(), f.toPath()), "s3dx-export",
                p -> t("status.exportedModel", onnx.name(), f.getName()), t("status.exportCancelled"), err -> t("status.exportFailed", err));
    }

    private FileChooser chooser(String title, String ext, String initial) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase() + " (*." + ext + ")", "*." + ext));
        fc.setInitialFileName(initial);
        return fc;
    }

    private void problem(String header, String text) {
        status.warn(header + ": " + text);
        ProblemDialog.show(stage, header, text);
    }

    // ---- helpers ----

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem it = new MenuItem(text);
        if (accelerator != null) it.setAccelerator(KeyCombination.keyCombination(accelerator));
        it.setOnAction(e -> action.run());
        return it;
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    static String title(DesignModel model) {
        String name = model.getFile() == null ? t("file.untitled") : model.getFile().getFileName().toString();
        return (model.isDirty() ? "*" : "") + name + " — " + t("app.title");
    }

    static javafx.beans.binding.StringBinding titleBinding(DesignModel model) {
        return Bindings.createStringBinding(() -> title(model), model.fileProperty(), model.dirtyProperty());
    }
}
