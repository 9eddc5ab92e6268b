package s3dx.app.model;

import s3dx.cost.CostReport;

/** Which compute count the views show. Both are exact; FLOPs are always 2 x MACs. */
public enum CostMetric {
    MACS("MACs (multiply-accumulates)", "MACs"),
    FLOPS("FLOPs = 2 x MACs", "FLOPs");

    private final String label;
    private final String unit;

    CostMetric(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    /** The switch's text, saying what is counted. */
    public String label() {
        return s3dx.app.i18n.I18n.t("metric." + name());
    }

    /** Short unit for axes and columns: "MACs" or "FLOPs". */
    public String unit() {
        return unit;
    }

    public long of(long macs) {
        return this == FLOPS ? 2 * macs : macs;
    }

    public long of(CostReport.Totals t) {
        return of(t.macs());
    }

    public long of(CostReport r) {
        return of(r.macs());
    }
}
