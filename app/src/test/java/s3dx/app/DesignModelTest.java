package s3dx.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import s3dx.app.model.Boundary;
import s3dx.app.model.DesignModel;
import s3dx.cost.CostReport;
import s3dx.net.Block;
import s3dx.net.ConvMode;
import s3dx.net.Design;
import s3dx.net.Preset;
import s3dx.net.PresetMatch;

/** The model alone: undo/redo, gestures, rejected edits, dirty flag, boundaries and preset matching. */
class DesignModelTest {

    @Test
    void undoRedoAndDirty() {
        DesignModel m = DesignModel.withDefaultDesign();
        Design start = m.getDesign();
        assertTrue(m.edit(d -> d.withMode(Block.Mixed_4b, ConvMode.THREE_D)));
        assertTrue(m.isDirty());
        assertEquals(CostReport.of(m.getDesign()).params(), m.getReport().params());
        m.undo();
        assertEquals(start, m.getDesign());
        assertFalse(m.isDirty());
        m.redo();
        assertEquals(ConvMode.THREE_D, m.getDesign().setting(Block.Mixed_4b).mode());
    }

    @Test
    void aGestureIsOneUndoStep() {
        DesignModel m = DesignModel.withDefaultDesign();
        Design start = m.getDesign();
        m.beginGesture();
        m.edit(d -> d.withMode(Block.Mixed_3b, ConvMode.TWO_D));
        m.edit(d -> d.withMode(Block.Mixed_3c, ConvMode.TWO_D));
        m.endGesture();
        m.undo();
        assertEquals(start, m.getDesign());
    }

    @Test
    void aRejectedEditKeepsTheLastValidDesignAndSaysWhy() {
        DesignModel m = DesignModel.withDefaultDesign();
        CostReport before = m.getReport();
        assertFalse(m.edit(d -> d.withClip(4, 224, 224)));
        assertNotNull(m.getProblem());
        assertEquals("frames", m.getProblem().field());
        assertTrue(m.getProblem().message().contains("use at least"), m.getProblem().message());
        assertEquals(before, m.getReport());
        assertFalse(m.edit(d -> d.withFirstTemporalKernel(4)));
        assertEquals("firstTemporalKernel", m.getProblem().field());
        assertTrue(m.edit(d -> d.withClip(32, 224, 224)));
        assertNull(m.getProblem());
    }

    @Test
    void boundariesOfTheHeavyPresets() {
        Design top = Preset.TOP_HEAVY_I3D.design();
        Boundary b = Boundary.of(top).orElseThrow();
        assertEquals(Preset.TOP_HEAVY_I3D, b.kind());
        assertEquals(Block.Mixed_4b, b.block());
        int g5b = Block.TOGGLEABLE.indexOf(Block.Mixed_5b);
        assertEquals(Preset.TOP_HEAVY_I3D.design(Block.Mixed_5b), b.moveTo(top, g5b));
        Boundary bottom = Boundary.of(Preset.BOTTOM_HEAVY_I3D.design()).orElseThrow();
        assertEquals(Block.Mixed_3c, bottom.block());
        assertTrue(Boundary.of(Preset.S3D.design()).isEmpty());
        assertTrue(Boundary.of(Preset.I3D.design()).isEmpty());
        for (Preset p : Preset.values()) assertEquals(p, PresetMatch.of(p.design()).orElseThrow().preset());
    }
}
