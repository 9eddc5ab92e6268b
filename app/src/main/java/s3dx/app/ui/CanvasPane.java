package s3dx.app.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A canvas that fills its pane and redraws when resized. Its colours come from the theme: explorer.css sets
 * {@code -s3dx-ink}, {@code -s3dx-ink-soft}, {@code -s3dx-line}, {@code -s3dx-surface}, {@code -s3dx-highlight} and
 * {@code -s3dx-marker} from the theme's variables (the defaults are the light theme's, for a pane shown on its own).
 */
public abstract class CanvasPane extends Pane {
    private static final List<CssMetaData<? extends Styleable, ?>> CSS = new ArrayList<>(Pane.getClassCssMetaData());
    private static final CssMetaData<CanvasPane, Paint> INK = colour("-s3dx-ink", "#1e293b", c -> c.ink),
            INK_SOFT = colour("-s3dx-ink-soft", "#5b6b80", c -> c.inkSoft), LINE = colour("-s3dx-line", "#dbe2ea", c -> c.line),
            SURFACE = colour("-s3dx-surface", "#ffffff", c -> c.surface), HIGHLIGHT = colour("-s3dx-highlight", "#dbe8fb", c -> c.highlight),
            MARKER = colour("-s3dx-marker", "#ff2d55", c -> c.marker);

    protected final Canvas canvas = new Canvas();
    private final StyleableObjectProperty<Paint> ink = property(INK), inkSoft = property(INK_SOFT), line = property(LINE),
            surface = property(SURFACE), highlight = property(HIGHLIGHT), marker = property(MARKER);

    protected CanvasPane(double prefW, double prefH) {
        getStyleClass().add("canvas-pane");
        getChildren().add(canvas);
        setPrefSize(prefW, prefH);
        setMinSize(60, 40);
        widthProperty().addListener((o, a, b) -> redraw());
        heightProperty().addListener((o, a, b) -> redraw());
    }

    private static CssMetaData<CanvasPane, Paint> colour(String name, String initial, Function<CanvasPane, StyleableObjectProperty<Paint>> of) {
        CssMetaData<CanvasPane, Paint> m = new CssMetaData<>(name, PaintConverter.getInstance(), Color.web(initial)) {
            @Override
            public boolean isSettable(CanvasPane c) {
                return !of.apply(c).isBound();
            }

            @Override
            public StyleableProperty<Paint> getStyleableProperty(CanvasPane c) {
                return of.apply(c);
            }
        };
        CSS.add(m);
        return m;
    }

    private StyleableObjectProperty<Paint> property(CssMetaData<CanvasPane, Paint> m) {
        return new SimpleStyleableObjectProperty<>(m, this, m.getProperty(), m.getInitialValue(this)) {
            @Override
            protected void invalidated() {
                redraw();
            }
        };
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return Collections.unmodifiableList(CSS);
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }

    protected ObservableValue<Paint> inkProperty() {
        return ink;
    }

    /** Text and lines that must stand out. */
    protected Paint ink() {
        return ink.get();
    }

    /** Axis labels and captions. */
    protected Paint inkSoft() {
        return inkSoft.get();
    }

    /** Grid lines. */
    protected Paint line() {
        return line.get();
    }

    /** The plot's background. */
    protected Paint surface() {
        return surface.get();
    }

    /** The selected row's background. */
    protected Paint highlight() {
        return highlight.get();
    }

    /** The current window's frame. */
    protected Paint marker() {
        return marker.get();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    public final void redraw() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        draw(g, canvas.getWidth(), canvas.getHeight());
    }

    protected abstract void draw(GraphicsContext g, double w, double h);
}
