package s3dx.app.ui;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * A panel's title with its legend at the right, or with the legend below it, wrapping as needed, when the two
 * do not fit on one line (the lessons panel open, 1366-wide laptop screens, longer translations): the legend
 * is never cut to ellipses, and the title only when it alone is wider than the panel.
 */
public final class PanelHead extends Region {
    private static final double GAP = 12;
    private final Label title;
    private final FlowPane legend;

    public PanelHead(Label title, FlowPane legend) {
        this.title = title;
        this.legend = legend;
        getChildren().addAll(title, legend);
    }

    /** The legend's width on a single line (a FlowPane's own preferred width is its wrap length). */
    private double legendLine() {
        double w = 0;
        for (Node n : legend.getChildren()) w += n.prefWidth(-1) + legend.getHgap();
        return w - legend.getHgap() + legend.snappedLeftInset() + legend.snappedRightInset();
    }

    private double inner(double width) {
        return width - snappedLeftInset() - snappedRightInset();
    }

    private boolean oneLine(double width) {
        return width < 0 || title.prefWidth(-1) + GAP + legendLine() <= inner(width);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + Math.max(title.minWidth(-1), legend.minWidth(-1)) + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + title.prefWidth(-1) + GAP + legendLine() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double h = oneLine(width) ? Math.max(title.prefHeight(-1), legend.prefHeight(legendLine()))
                : title.prefHeight(-1) + legend.getVgap() + legend.prefHeight(inner(width));
        return snappedTopInset() + h + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset(), y = snappedTopInset(), w = inner(getWidth());
        double th = title.prefHeight(-1);
        if (oneLine(getWidth())) {
            // the legend gets all the room beside the title (its summed width can fall a pixel short of a row)
            double tw = title.prefWidth(-1), lw = w - tw - GAP, lh = legend.prefHeight(lw), h = Math.max(th, lh);
            legend.setAlignment(Pos.CENTER_RIGHT);
            title.resizeRelocate(x, y + (h - th) / 2, tw, th);
            legend.resizeRelocate(x + w - lw, y + (h - lh) / 2, lw, lh);
        } else {
            legend.setAlignment(Pos.CENTER_LEFT);
            title.resizeRelocate(x, y, Math.min(w, title.prefWidth(-1)), th);
            legend.resizeRelocate(x, y + th + legend.getVgap(), w, legend.prefHeight(w));
        }
    }
}
