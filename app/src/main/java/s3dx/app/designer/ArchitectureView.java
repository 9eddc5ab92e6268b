package s3dx.app.designer;

import static s3dx.app.i18n.I18n.t;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.geometry.Point2D;
import javafx.scene.shape.Polyline;
import s3dx.app.model.Boundary;
import s3dx.app.model.DesignModel;
import s3dx.cost.CostReport;
import s3dx.net.Block;
import s3dx.net.BlockSetting;
import s3dx.net.ConvMode;
import s3dx.net.Design;
import s3dx.net.Network;
import s3dx.app.ui.Fmt;

/**
 * The backbone as a chain of tiles, input to head. Press a block to apply the brush (cycle its mode by
 * default), drag across blocks to paint (blocks skipped by a fast stroke are filled in, in network order), press a gate badge to toggle gating, drag the 2D|3D handle of a
 * Bottom-/Top-Heavy design to move its boundary, press ▾ on a Mixed block to show its branches.
 * Every drag is one undo step.
 */
public final class ArchitectureView extends Region {
    private static final double GAP = 12, TOP = 22, MIN_TILE = 70, MAX_TILE = 132;

    private final DesignModel model;
    private final ObjectProperty<Brush> brush = new SimpleObjectProperty<>(this, "brush", Brush.CYCLE);
    private final ObjectProperty<Block> expanded = new SimpleObjectProperty<>(this, "expanded", Block.Mixed_3b);
    private final BlockTile input = new BlockTile(null);
    private final Map<Block, BlockTile> tiles = new EnumMap<>(Block.class);
    private final List<BlockTile> chain = new ArrayList<>();
    private final BoundaryHandle handle = new BoundaryHandle();
    private final Polyline wire = new Polyline();

    private BiFunction<Design, Block, Design> paint;
    private int lastPainted = -1;
    private boolean draggingHandle;

    public ArchitectureView(DesignModel model) {
        this.model = model;
        getStyleClass().add("architecture");
        wire.getStyleClass().add("wire");
        wire.setManaged(false);
        getChildren().add(wire);
        chain.add(input);
        for (Block b : Block.values()) {
            BlockTile t = new BlockTile(b);
            tiles.put(b, t);
            chain.add(t);
        }
        getChildren().addAll(chain);
        getChildren().add(handle);
        handle.setVisible(false);

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> release());
        setOnContextMenuRequested(e -> {
            Block b = toggleableAt(e.getX(), e.getY());
            if (b != null) contextMenu(b).show(this, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        expanded.addListener((o, a, b) -> showExpanded());
        model.reportProperty().addListener((o, a, r) -> refresh(r));
        refresh(model.getReport());
        showExpanded();
    }

    public ObjectProperty<Brush> brushProperty() {
        return brush;
    }

    /** The Mixed block whose branches the Inception view shows (null: none). */
    public ObjectProperty<Block> expandedProperty() {
        return expanded;
    }

    /** The tile of a block (tests and the PNG export use it). */
    public Node tile(Block b) {
        return tiles.get(b);
    }

    public Node boundaryHandle() {
        return handle;
    }

    // ---- model -> view ----

    private void refresh(CostReport r) {
        Network net = r.network();
        Design d = net.design();
        input.showShape(net.input());
        long max = 1;
        for (Block b : Block.TOGGLEABLE) max = Math.max(max, r.blocks().get(b).macs());
        for (Network.BlockNode n : net.blocks()) {
            BlockTile t = tiles.get(n.block());
            if (n.block() == Block.Logits) t.showHead(d.classes());
            else t.showShape(n.output());
            if (n.setting() != null) {
                long macs = r.blocks().get(n.block()).macs();
                t.showSetting(n.setting(), macs / (double) r.macs(), macs / (double) max);
            }
        }
        Optional<Boundary> boundary = Boundary.of(d);
        handle.setVisible(boundary.isPresent());
        boundary.ifPresent(handle::show);
        requestLayout();
    }

    private void showExpanded() {
        tiles.forEach((b, t) -> t.setExpanded(b == expanded.get()));
    }

    // ---- layout: two rows, the stem and Mixed_3 on the first, Mixed_4 to the head on the second ----

    private static final Block ROW_BREAK = Block.Mixed_4b;
    private static final double ROW_HEIGHT = TOP + BlockTile.CARD_HEIGHT + 36, ROW_GAP = 14;

    private double width(BlockTile t, double toggleable) {
        Block b = t.block();
        if (b == null) return 84;
        return switch (b.kind()) {
            case POOL -> 58;
            case CONV -> 66;
            case HEAD -> 62;
            default -> toggleable;
        };
    }

    private boolean secondRow(BlockTile t) {
        return t.block() != null && t.block().ordinal() >= ROW_BREAK.ordinal();
    }

    /** Width of the wider row (the second) without its toggleable tiles, and how many those are. */
    private double fixedWidth() {
        double w = 0;
        int n = 0;
        for (BlockTile t : chain) {
            if (!secondRow(t)) continue;
            n++;
            if (!t.block().isToggleable()) w += width(t, 0);
        }
        return w + GAP * (n - 1);
    }

    private static final int SECOND_ROW_TOGGLEABLE = (int) Block.TOGGLEABLE.stream().filter(b -> b.ordinal() >= ROW_BREAK.ordinal()).count();

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + fixedWidth() + SECOND_ROW_TOGGLEABLE * 110 + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + fixedWidth() + SECOND_ROW_TOGGLEABLE * MIN_TILE + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + 2 * ROW_HEIGHT + ROW_GAP + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double avail = getWidth() - snappedLeftInset() - snappedRightInset();
        double tw = Math.floor(Math.max(MIN_TILE, Math.min(MAX_TILE, (avail - fixedWidth()) / SECOND_ROW_TOGGLEABLE)));
        double left = snappedLeftInset() + Math.max(0, Math.floor((avail - fixedWidth() - tw * SECOND_ROW_TOGGLEABLE) / 2));
        double x = left;
        double y = snappedTopInset() + TOP;
        double h = BlockTile.CARD_HEIGHT + 36;
        double row1End = 0;
        for (BlockTile t : chain) {
            if (t.block() == ROW_BREAK) {
                row1End = x - GAP;
                x = left;
                y += ROW_HEIGHT + ROW_GAP;
            }
            double w = width(t, tw);
            t.resizeRelocate(x, y, w, h);
            x += w + GAP;
        }
        double cy1 = snappedTopInset() + TOP + BlockTile.CARD_HEIGHT / 2;
        double cy2 = y + BlockTile.CARD_HEIGHT / 2;
        double turn = snappedTopInset() + TOP + h + (ROW_GAP + TOP) / 2 - 2;
        wire.getPoints().setAll(left + 10, cy1, row1End + 14, cy1, row1End + 14, turn, left - 4, turn, left - 4, cy2, x - GAP, cy2);
        if (handle.isVisible()) {
            Point2D p = gapPoint(handle.gap());
            double hw = handle.prefWidth(-1);
            handle.resizeRelocate(Math.round(p.getX() - hw / 2), p.getY() - BlockTile.CARD_HEIGHT / 2 - TOP,
                    hw, TOP + BlockTile.CARD_HEIGHT + 6);
        }
    }

    /** The middle of the space left of toggleable block {@code gap}, at the height of its row's cards. */
    private Point2D gapPoint(int gap) {
        BlockTile right = tiles.get(Block.TOGGLEABLE.get(gap));
        BlockTile left = chain.get(chain.indexOf(right) - 1);
        boolean sameRow = left.getLayoutY() == right.getLayoutY();
        double x = sameRow ? (left.getLayoutX() + left.getWidth() + right.getLayoutX()) / 2 : right.getLayoutX() - GAP / 2;
        return new Point2D(x, right.getLayoutY() + BlockTile.CARD_HEIGHT / 2);
    }

    private int nearestGap(double x, double y) {
        int best = Boundary.FIRST_GAP;
        for (int g = Boundary.FIRST_GAP; g <= Boundary.LAST_GAP; g++) {
            if (gapPoint(g).distance(x, y) < gapPoint(best).distance(x, y)) best = g;
        }
        return best;
    }

    // ---- interaction ----

    private Block toggleableAt(double x, double y) {
        for (Block b : Block.TOGGLEABLE) {
            Bounds bb = tiles.get(b).getBoundsInParent();
            if (x >= bb.getMinX() - GAP / 2 && x < bb.getMaxX() + GAP / 2 && y >= bb.getMinY() && y < bb.getMaxY()) return b;
        }
        return null;
    }

    private static boolean within(Node n, String styleClass, Node stop) {
        for (Node p = n; p != null && p != stop; p = p.getParent()) {
            if (p.getStyleClass().contains(styleClass)) return true;
        }
        return false;
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) return;
        Node hit = e.getPickResult().getIntersectedNode();
        if (within(hit, "boundary-handle", this)) {
            draggingHandle = true;
            model.beginGesture();
            e.consume();
            return;
        }
        Block b = toggleableAt(e.getX(), e.getY());
        if (b == null) return;
        if (within(hit, "expander", this)) {
            expanded.set(expanded.get() == b ? null : b);
            e.consume();
            return;
        }
        paint = within(hit, "gate-badge", this) ? gateToggle(b) : brushOp(b);
        model.beginGesture();
        lastPainted = Block.TOGGLEABLE.indexOf(b);
        model.edit(d -> paint.apply(d, b));
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (draggingHandle) {
            Boundary.of(model.getDesign()).ifPresent(bd -> {
                int g = nearestGap(e.getX(), e.getY());
                if (g != bd.gap()) model.edit(d -> bd.moveTo(d, g));
            });
            return;
        }
        if (paint == null) return;
        Block over = toggleableAt(e.getX(), e.getY());
        int i = Block.TOGGLEABLE.indexOf(over);
        if (over == null || i == lastPainted) return;
        int from = lastPainted, to = i;
        model.edit(d -> {
            Design out = d;
            int step = to > from ? 1 : -1;
            for (int k = from + step; k != to + step; k += step) out = paint.apply(out, Block.TOGGLEABLE.get(k));
            return out;
        });
        lastPainted = i;
    }

    private void release() {
        if (paint != null || draggingHandle) model.endGesture();
        paint = null;
        draggingHandle = false;
        lastPainted = -1;
    }

    /** What the current brush does to a block, fixed at the press so a drag paints the same thing. */
    private BiFunction<Design, Block, Design> brushOp(Block pressed) {
        BlockSetting s = model.getDesign().setting(pressed);
        return switch (brush.get()) {
            case CYCLE -> setMode(next(s.mode()));
            case GATE -> gateToggle(pressed);
            default -> setMode(brush.get().mode());
        };
    }

    private static BiFunction<Design, Block, Design> setMode(ConvMode m) {
        return (d, b) -> d.withMode(b, m);
    }

    private BiFunction<Design, Block, Design> gateToggle(Block pressed) {
        boolean on = !model.getDesign().setting(pressed).gated();
        return (d, b) -> b.isGateable() ? d.withGated(b, on) : d;
    }

    static ConvMode next(ConvMode m) {
        return switch (m) {
            case TWO_D -> ConvMode.THREE_D;
            case THREE_D -> ConvMode.SEP3D;
            case SEP3D -> ConvMode.TWO_D;
        };
    }

    private ContextMenu contextMenu(Block b) {
        BlockSetting s = model.getDesign().setting(b);
        ContextMenu menu = new ContextMenu();
        ToggleGroup modes = new ToggleGroup();
        for (ConvMode m : ConvMode.values()) {
            RadioMenuItem item = new RadioMenuItem(Fmt.modeShort(m) + "  (" + t("mode.long." + m.name()) + ")");
            item.setToggleGroup(modes);
            item.setSelected(s.mode() == m);
            item.setOnAction(e -> model.edit(d -> d.withMode(b, m)));
            menu.getItems().add(item);
        }
        menu.getItems().add(new SeparatorMenuItem());
        CheckMenuItem gated = new CheckMenuItem(t("arch.gated"));
        gated.setSelected(s.gated());
        gated.setDisable(!b.isGateable());
        gated.setOnAction(e -> model.edit(d -> d.withGated(b, gated.isSelected())));
        MenuItem all = new MenuItem(t("arch.gateAll"));
        all.setOnAction(e -> model.edit(d -> d.withAllGated(true)));
        MenuItem none = new MenuItem(t("arch.gateNone"));
        none.setOnAction(e -> model.edit(d -> d.withAllGated(false)));
        menu.getItems().addAll(gated, all, none);
        if (b.kind() == Block.Kind.MIXED) {
            MenuItem show = new MenuItem(t("arch.showBranches"));
            show.setOnAction(e -> expanded.set(b));
            menu.getItems().addAll(new SeparatorMenuItem(), show);
        }
        return menu;
    }
}
