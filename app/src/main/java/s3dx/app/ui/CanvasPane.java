package s3dx.app.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;

/** A canvas that fills its pane and redraws when resized. */
public abstract class CanvasPane extends Pane {
    protected final Canvas canvas = new Canvas();

    protected CanvasPane(double prefW, double prefH) {
        getChildren().add(canvas);
        setPrefSize(prefW, prefH);
        setMinSize(60, 40);
        widthProperty().addListener((o, a, b) -> redraw());
        heightProperty().addListener((o, a, b) -> redraw());
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
