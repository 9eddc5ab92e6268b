package s3dx.app.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import s3dx.cost.CostReport;
import s3dx.design.DesignFileException;
import s3dx.design.DesignJson;
import s3dx.net.Design;
import s3dx.net.DesignException;
import s3dx.net.Preset;
import s3dx.net.PresetMatch;

/**
 * The designer's state, free of any view: the current design and its last valid cost report, undo and
 * redo, the file it came from and whether it changed since, the baseline the deltas use, and the
 * problem with the last rejected edit. A rejected edit leaves design and report as they were.
 * Use from the JavaFX application thread.
 */
public final class DesignModel {
    private static final int HISTORY_LIMIT = 1000;

    private final ReadOnlyObjectWrapper<Design> design = new ReadOnlyObjectWrapper<>(this, "design");
    private final ReadOnlyObjectWrapper<CostReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyLongWrapper lastUpdateNanos = new ReadOnlyLongWrapper(this, "lastUpdateNanos");
    private final ObjectProperty<CostMetric> metric = new SimpleObjectProperty<>(this, "metric", CostMetric.MACS);
    private final ObjectProperty<Baseline> baseline = new SimpleObjectProperty<>(this, "baseline", Baseline.of(Preset.I3D));

    private final Deque<Design> undo = new ArrayDeque<>();
    private final Deque<Design> redo = new ArrayDeque<>();
    private Design saved;
    private boolean inGesture;
    private boolean gestureRecorded;

    public DesignModel(Design initial) {
        CostReport r = CostReport.of(initial);
        saved = initial;
        show(initial, r);
    }

    public static DesignModel withDefaultDesign() {
        return new DesignModel(Preset.S3D_G.design());
    }

    // ---- edits ----

    /** Applies a change to the current design; false (and {@link #problemProperty()} set) when it is invalid. */
    public boolean edit(UnaryOperator<Design> change) {
        Design next;
        try {
            next = change.apply(design.get());
        } catch (DesignException e) {
            problem.set(Problem.of(e));
            return false;
        }
        return apply(next);
    }

    /** Makes {@code next} the current design if the network accepts it, recording one undo step. */
    public boolean apply(Design next) {
        if (next.equals(design.get())) {
            problem.set(null);
            return true;
        }
        long t0 = System.nanoTime();
        CostReport r;
        try {
            r = CostReport.of(next);
        } catch (DesignException e) {
            problem.set(Problem.of(e));
            return false;
        }
        if (!inGesture || !gestureRecorded) {
            push(undo, design.get());
            redo.clear();
            gestureRecorded = inGesture;
        }
        show(next, r);
        lastUpdateNanos.set(System.nanoTime() - t0);
        return true;
    }

    /** Starts a gesture (a drag): its edits until {@link #endGesture()} undo as one step. */
    public void beginGesture() {
        inGesture = true;
        gestureRecorded = false;
    }

    public void endGesture() {
        inGesture = false;
        gestureRecorded = false;
    }

    public void undo() {
        if (undo.isEmpty()) return;
        endGesture();
        push(redo, design.get());
        Design prev = undo.pop();
        show(prev, CostReport.of(prev));
    }

    public void redo() {
        if (redo.isEmpty()) return;
        endGesture();
        push(undo, design.get());
        Design next = redo.pop();
        show(next, CostReport.of(next));
    }

    /** Clears the last rejected edit's message (e.g. when the user fixes the control by hand). */
    public void clearProblem() {
        problem.set(null);
    }

    // ---- files ----

    /** A fresh, untitled S3D-G; history is cleared. */
    public void newDesign() {
        replace(Preset.S3D_G.design(), null);
    }

    public void open(Path path) throws DesignFileException {
        Design d = DesignJson.read(path);
        try {
            CostReport.of(d);
        } catch (DesignException e) {
            throw new DesignFileException(path, e.getMessage());
        }
        replace(d, path);
    }

    public void save() throws IOException {
        if (file.get() == null) throw new IllegalStateException("no file yet: use saveAs");
        saveAs(file.get());
    }

    /** Writes the design to {@code path} (adding {@value DesignJson#EXTENSION} when missing) and makes it the file. */
    public Path saveAs(Path path) throws IOException {
        Path target = withExtension(path);
        DesignJson.write(design.get(), target);
        saved = design.get();
        file.set(target);
        dirty.set(false);
        return target;
    }

    /** Takes a recovered design as an undoable edit; it stays unsaved. */
    public void restore(Design recovered) {
        apply(recovered);
    }

    public static Path withExtension(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(DesignJson.EXTENSION) ? p : p.resolveSibling(name + DesignJson.EXTENSION);
    }

    // ---- baseline ----

    public void pinBaseline() {
        String name = PresetMatch.of(design.get()).map(PresetMatch::preset).map(Preset::displayName).orElse(s3dx.app.i18n.I18n.t("design.custom"));
        baseline.set(Baseline.pinned(s3dx.app.i18n.I18n.t("baseline.pinned", name), design.get()));
    }

    public void resetBaseline() {
        baseline.set(Baseline.of(Preset.I3D));
    }

    // ---- internals ----

    private void replace(Design d, Path path) {
        CostReport r = CostReport.of(d);
        undo.clear();
        redo.clear();
        endGesture();
        saved = d;
        file.set(path);
        show(d, r);
    }

    private void show(Design d, CostReport r) {
        problem.set(null);
        design.set(d);
        report.set(r);
        dirty.set(!d.equals(saved));
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    private static void push(Deque<Design> stack, Design d) {
        stack.push(d);
        if (stack.size() > HISTORY_LIMIT) stack.removeLast();
    }

    // ---- properties ----

    public Design getDesign() {
        return design.get();
    }

    public ReadOnlyObjectProperty<Design> designProperty() {
        return design.getReadOnlyProperty();
    }

    public CostReport getReport() {
        return report.get();
    }

    /** The last valid report; listeners see the design already updated. */
    public ReadOnlyObjectProperty<CostReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public Problem getProblem() {
        return problem.get();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public Path getFile() {
        return file.get();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Nanoseconds the last accepted edit took: recount plus every listening view's refresh. */
    public ReadOnlyLongProperty lastUpdateNanosProperty() {
        return lastUpdateNanos.getReadOnlyProperty();
    }

    public ObjectProperty<CostMetric> metricProperty() {
        return metric;
    }

    public CostMetric getMetric() {
        return metric.get();
    }

    public ObjectProperty<Baseline> baselineProperty() {
        return baseline;
    }
}
